import Foundation
@testable import Submissions
import TestSupport
import Testing

/// Both ways of hashing a file (the x86 SHA extensions, the portable code) give the
/// FIPS 180-4 digests; `FolderTests` checks files read from disk against sha256sum.
struct SHA256Tests {
    /// FIPS 180-4 examples (and the NIST one-million-a vector).
    static let vectors: [(input: [UInt8], digest: String)] = [
        ([], "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        (Array("abc".utf8), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8),
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        (Array(repeating: UInt8(ascii: "a"), count: 1_000_000),
         "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"),
    ]

    @Test func portableCodeGivesTheStandardDigests() {
        for (input, digest) in Self.vectors {
            #expect(SHA256.hexDigest(input, accelerated: false) == digest, "\(input.count) bytes")
        }
    }

    @Test(.enabled(if: SHA256.hasSHAExtensions, "this CPU has no SHA extensions"))
    func shaExtensionsGiveTheStandardDigests() {
        for (input, digest) in Self.vectors {
            #expect(SHA256.hexDigest(input, accelerated: true) == digest, "\(input.count) bytes")
        }
    }

    /// Every length up to five blocks (each padding case, one or two tail blocks) and
    /// some larger inputs, of seeded random bytes.
    @Test(.enabled(if: SHA256.hasSHAExtensions, "this CPU has no SHA extensions"))
    func bothWaysAgreeOnRandomInputs() {
        var random = SplitMix64(seed: 0x5EED_5A25)
        let lengths = Array(0...320) + (0..<40).map { _ in Int.random(in: 321...200_000, using: &random) }
        var differing: [Int] = []
        for length in lengths {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
            if SHA256.hexDigest(bytes, accelerated: true) != SHA256.hexDigest(bytes, accelerated: false) {
                differing.append(length)
            }
        }
        #expect(differing.isEmpty, "lengths with different digests: \(differing.prefix(10))")
    }
}
