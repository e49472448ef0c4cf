/**
 * Keep secrets (tokens, webhook secrets, client secrets) encrypted in the database with AES-GCM under a key that never
 * enters it, and re-encrypt them under a new key when the key is rotated.
 */
@NullMarked
package org.kintsugi.shared.secrets;

import org.jspecify.annotations.NullMarked;
