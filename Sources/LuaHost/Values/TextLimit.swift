/// Text that crosses from a script into the host, kept up to a number of bytes.
///
/// Whatever a script hands the host — a message, a printed line, an error — becomes Swift
/// memory the limits of the call no longer govern, so the host keeps a bounded part of it, and
/// says what it cut: `…(1,234 more bytes)`.
public enum TextLimit {
    /// `bytes` decoded as UTF-8 (invalid sequences repaired), cut to at most `limit` bytes at a
    /// character boundary, with a note of how many bytes were left out.
    public static func text(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int) -> String {
        guard bytes.count > limit else { return String(decoding: bytes, as: UTF8.self) }
        var end = max(0, limit)
        // Back up to the start of a UTF-8 sequence, so the cut never splits a character.
        while end > 0, end < bytes.count, bytes[end] & 0xC0 == 0x80 { end -= 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<end]), as: UTF8.self)
            + "…(\(groupedThousands(bytes.count - end)) more bytes)"
    }

    /// `text` cut to at most `limit` bytes, as ``text(_:limit:)`` does.
    public static func text(_ text: String, limit: Int) -> String {
        guard text.utf8.count > limit else { return text }
        var text = text
        return text.withUTF8 { self.text($0, limit: limit) }
    }

    /// `1234567` as `1,234,567`.
    public static func groupedThousands(_ number: Int) -> String {
        let digits = String(number)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return grouped
    }
}
