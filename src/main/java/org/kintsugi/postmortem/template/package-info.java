/** Keep the templates a postmortem is written from, and the rules that pick one for an incident's kind and severity. */
@NullMarked
package org.kintsugi.postmortem.template;

import org.jspecify.annotations.NullMarked;
