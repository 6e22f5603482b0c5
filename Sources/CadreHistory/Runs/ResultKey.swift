import CadreEngine
import Crypto
import Foundation

/// The key of a recorded result, or of a list: the SHA-256 of its recorded form. Held as 32
/// bytes, so that the 920,000 references of a run of 10,000 systems are read, compared and hashed
/// without one string; written as 64 lower-case hex digits.
///
/// A result's key starts with the number of the run that stored it (4 bytes, big-endian) in
/// place of the digest's first 4 bytes: the `result` table is ordered by key, so the results a
/// run adds sit together in the file and recording 10,000 of them writes a few hundred pages, not
/// one page each. The other 28 bytes tell contents apart (``hasContent(of:)``); a result that did
/// not change since an earlier run keeps that run's key. A key that is the plain digest, with no
/// run number in it, is read too.
public struct ResultKey: Sendable, Hashable, CustomStringConvertible {
    private var words: (UInt64, UInt64, UInt64, UInt64)

    /// The key of `body`.
    init(of body: some DataProtocol) {
        self.init(raw: Array(SHA256.hash(data: body)))!
    }

    /// The key of a result whose recorded form is `body`, stored by run number `run`.
    init(of body: some DataProtocol, storedBy run: Int64) {
        self.init(of: body)
        words.0 = UInt64(UInt32(truncatingIfNeeded: run)) << 32 | (words.0 & 0xFFFF_FFFF)
    }

    /// Whether this key and `other` are of one content (whichever run stored it).
    func hasContent(of other: ResultKey) -> Bool {
        words.0 & 0xFFFF_FFFF == other.words.0 & 0xFFFF_FFFF && words.1 == other.words.1 && words.2 == other.words.2
            && words.3 == other.words.3
    }

    /// The key whose 32 bytes are `raw`; nil for any other count.
    init?(raw: some Collection<UInt8>) {
        guard raw.count == 32 else { return nil }
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        for (index, byte) in raw.enumerated() {
            switch index / 8 {
            case 0: words.0 = words.0 << 8 | UInt64(byte)
            case 1: words.1 = words.1 << 8 | UInt64(byte)
            case 2: words.2 = words.2 << 8 | UInt64(byte)
            default: words.3 = words.3 << 8 | UInt64(byte)
            }
        }
        self.words = words
    }

    /// The key whose 32 bytes start at `offset` of `bytes` (which holds them).
    init(_ bytes: [UInt8], at offset: Int) {
        func word(_ start: Int) -> UInt64 {
            var word: UInt64 = 0
            for index in start..<start + 8 { word = word << 8 | UInt64(bytes[index]) }
            return word
        }
        words = (word(offset), word(offset + 8), word(offset + 16), word(offset + 24))
    }

    /// The key written as 64 hex digits; nil for anything else.
    init?(hex: String) {
        var raw: [UInt8] = []
        raw.reserveCapacity(32)
        var high: UInt8?
        for digit in hex.utf8 {
            let value: UInt8
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = digit - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = digit - UInt8(ascii: "a") + 10
            default: return nil
            }
            if let first = high {
                raw.append(first << 4 | value)
                high = nil
            } else {
                high = value
            }
        }
        guard high == nil else { return nil }
        self.init(raw: raw)
    }

    /// The 32 bytes, in order.
    var raw: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        for word in [words.0, words.1, words.2, words.3] {
            for shift in stride(from: 56, through: 0, by: -8) {
                bytes.append(UInt8(truncatingIfNeeded: word >> UInt64(shift)))
            }
        }
        return bytes
    }

    /// 64 lower-case hex digits, as in the `result` table.
    public var hex: String { Digest.hex(raw) }

    public var description: String { hex }

    public static func == (a: ResultKey, b: ResultKey) -> Bool { a.words == b.words }

    /// Whether `a`'s bytes come before `b`'s: the order of their ``hex`` forms, without making them.
    static func inByteOrder(_ a: ResultKey, _ b: ResultKey) -> Bool { a.words < b.words }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
        hasher.combine(words.3)
    }
}
