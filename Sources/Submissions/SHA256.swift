import CSHA256

/// SHA-256 (FIPS 180-4) of a byte buffer, for the file list on the 说明 sheet: a
/// supervisor can tell exactly which version of each file was counted. Every input is
/// hashed, so on a CPU with the x86 SHA extensions the blocks go through them (CSHA256);
/// elsewhere through the portable code below, which gives the same digests.
enum SHA256 {
    /// Whether this CPU has the SHA extensions, asked once.
    static let hasSHAExtensions = csha256_has_sha_extensions() != 0

    /// The round constants, from the one table CSHA256 keeps (constant C data, only read).
    nonisolated(unsafe) private static let k = UnsafeBufferPointer(start: csha256_round_constants(), count: 64)

    /// The digest as lowercase hex. `accelerated: false` forces the portable code (tests
    /// compare the two); the extensions are used only where the CPU has them.
    static func hexDigest(_ bytes: [UInt8], accelerated: Bool = hasSHAExtensions) -> String {
        var h: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) =
            (0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19)
        // The whole blocks straight from the input, then the padded tail (one or two blocks).
        let whole = bytes.count / 64 * 64
        var tail = Array(bytes[whole...])
        let bitLength = UInt64(bytes.count) &* 8
        tail.append(0x80)
        while tail.count % 64 != 56 { tail.append(0) }
        for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
        if accelerated && hasSHAExtensions {
            withUnsafeMutableBytes(of: &h) { state in
                let words = state.baseAddress!.assumingMemoryBound(to: UInt32.self)
                bytes.withUnsafeBufferPointer { csha256_compress_blocks(words, $0.baseAddress, whole / 64) }
                tail.withUnsafeBufferPointer { csha256_compress_blocks(words, $0.baseAddress, $0.count / 64) }
            }
        } else {
            bytes.withUnsafeBufferPointer { input in
                withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
                    var offset = 0
                    while offset < whole {
                        compress(UnsafeBufferPointer(rebasing: input[offset..<(offset + 64)]), into: &h, w: w, k: Self.k)
                        offset += 64
                    }
                    tail.withUnsafeBufferPointer { tail in
                        for block in stride(from: 0, to: tail.count, by: 64) {
                            compress(UnsafeBufferPointer(rebasing: tail[block..<(block + 64)]), into: &h, w: w, k: Self.k)
                        }
                    }
                }
            }
        }
        let hex = Array("0123456789abcdef".utf8)
        return String(unsafeUninitializedCapacity: 64) { out in
            var index = 0
            for word in [h.0, h.1, h.2, h.3, h.4, h.5, h.6, h.7] {
                for shift in stride(from: 28, through: 0, by: -4) {
                    out[index] = hex[Int((word >> UInt32(shift)) & 0xF)]
                    index += 1
                }
            }
            return 64
        }
    }

    /// One 64-byte block into the state.
    @inline(__always)
    private static func compress(_ block: UnsafeBufferPointer<UInt8>,
                                 into h: inout (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32),
                                 w: UnsafeMutableBufferPointer<UInt32>, k: UnsafeBufferPointer<UInt32>) {
        for i in 0..<16 {
            let b = i * 4
            w[i] = UInt32(block[b]) << 24 | UInt32(block[b + 1]) << 16 | UInt32(block[b + 2]) << 8 | UInt32(block[b + 3])
        }
        for i in 16..<64 {
            let s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3)
            let s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10)
            w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
        }
        var (a, b, c, d, e, f, g, hh) = h
        for i in 0..<64 {
            let s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
            let ch = (e & f) ^ (~e & g)
            let t1 = hh &+ s1 &+ ch &+ k[i] &+ w[i]
            let s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
            let maj = (a & b) ^ (a & c) ^ (b & c)
            let t2 = s0 &+ maj
            hh = g; g = f; f = e; e = d &+ t1; d = c; c = b; b = a; a = t1 &+ t2
        }
        h = (h.0 &+ a, h.1 &+ b, h.2 &+ c, h.3 &+ d, h.4 &+ e, h.5 &+ f, h.6 &+ g, h.7 &+ hh)
    }

    private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }
}
