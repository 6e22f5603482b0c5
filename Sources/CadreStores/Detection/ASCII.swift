/// Byte classes for the detectors, on ASCII; bytes of multi-byte UTF-8 sequences (≥ 0x80) are in no class.
enum ASCII {
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }
    @inline(__always) static func isUpper(_ b: UInt8) -> Bool { b &- 0x41 < 26 }
    @inline(__always) static func isAlnum(_ b: UInt8) -> Bool { isDigit(b) || isLetter(b) }
    @inline(__always) static func isHex(_ b: UInt8) -> Bool { isDigit(b) || (b | 0x20) &- 0x61 < 6 }
    /// Letters, digits and `_`: bytes that glue to a word, so a match may not touch them.
    @inline(__always) static func isWord(_ b: UInt8) -> Bool { isAlnum(b) || b == 0x5F }
    @inline(__always) static func digitValue(_ b: UInt8) -> Int { Int(b &- 0x30) }
    @inline(__always) static func upper(_ b: UInt8) -> UInt8 { isLetter(b) ? b & 0xDF : b }

    static let space: UInt8 = 0x20, dot: UInt8 = 0x2E, dash: UInt8 = 0x2D, plus: UInt8 = 0x2B
    static let colon: UInt8 = 0x3A, at: UInt8 = 0x40, slash: UInt8 = 0x2F
    static let openParen: UInt8 = 0x28, closeParen: UInt8 = 0x29
}

/// A forward cursor over the bytes of one value, for the detectors' hot loops.
struct ByteText {
    let base: UnsafePointer<UInt8>
    let count: Int

    init?(_ buffer: UnsafeBufferPointer<UInt8>) {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return nil }
        self.base = base
        self.count = buffer.count
    }

    @inline(__always) subscript(_ i: Int) -> UInt8 { base[i] }

    /// The byte at `i`, or 0 outside the text (0 is in no class, so it acts as a boundary).
    @inline(__always) func at(_ i: Int) -> UInt8 { i >= 0 && i < count ? base[i] : 0 }

    /// The index of the first ASCII digit at or after `start`, or `count`.
    ///
    /// Eight bytes at a time: a byte b has its high bit set in `hit` exactly when 0x2F < b < 0x3A
    /// (the "has a byte between m and n" word trick, exact for every byte value).
    @inline(__always) func nextDigit(from start: Int) -> Int {
        var i = start
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let raw = UnsafeRawPointer(base)
        while i + 8 <= count {
            let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self).littleEndian
            let low7 = x & (ones &* 127)
            let below = (ones &* (127 + 0x3A)) &- low7  // high bit: low7 < 0x3A
            let above = low7 &+ (ones &* (127 - 0x2F))  // high bit: low7 > 0x2F
            let hit = below & ~x & above & highs
            if hit != 0 { return i + hit.trailingZeroBitCount / 8 }
            i += 8
        }
        while i < count {
            if ASCII.isDigit(base[i]) { return i }
            i += 1
        }
        return count
    }

    /// The index of the first `byte` at or after `start`, or `count` (libc `memchr`).
    @inline(__always) func next(_ byte: UInt8, from start: Int) -> Int {
        guard start < count else { return count }
        guard let found = memchr(base + start, Int32(byte), count - start) else { return count }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
