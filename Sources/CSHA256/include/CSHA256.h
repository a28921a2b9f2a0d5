#ifndef CSHA256_H
#define CSHA256_H

#include <stddef.h>
#include <stdint.h>

/// SHA-256's 64 round constants K0…K63, for the portable code as well.
const uint32_t *csha256_round_constants(void);

/// 1 when this CPU has the x86 SHA extensions (and SSSE3, SSE4.1), so that
/// `csha256_compress_blocks` can be used; 0 otherwise (other CPUs, other architectures).
int csha256_has_sha_extensions(void);

/// SHA-256's compression function (FIPS 180-4, 6.2.2) over `blocks` whole 64-byte
/// blocks, updating `state` (H0…H7). Only to be called when
/// `csha256_has_sha_extensions()` returned 1.
void csha256_compress_blocks(uint32_t state[8], const uint8_t *data, size_t blocks);

#endif
