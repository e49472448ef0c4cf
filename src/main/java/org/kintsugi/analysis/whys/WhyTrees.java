package org.kintsugi.analysis.whys;

import org.springframework.data.jpa.repository.JpaRepository;

interface WhyTrees extends JpaRepository<WhyTree, Long> {}
