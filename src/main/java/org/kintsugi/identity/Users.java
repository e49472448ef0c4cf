package org.kintsugi.identity;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Users extends JpaRepository<User, Long> {

    Optional<User> findByEmail(String email);

    boolean existsByEmail(String email);

    @Query("select count(u) from User u where u.role = org.kintsugi.identity.Role.ADMIN and u.active = true")
    long countActiveAdmins();
}
