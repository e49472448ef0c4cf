/** The archive import's API and pages: upload, follow the progress, read the report. */
@NullMarked
package org.kintsugi.knowledge.archive.web;

import org.jspecify.annotations.NullMarked;
