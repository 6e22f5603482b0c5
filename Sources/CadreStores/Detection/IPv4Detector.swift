/// IPv4 addresses in dotted decimal (`192.0.2.17`): four numbers 0–255 without leading zeros.
///
/// A dotted run with more than four parts (a version number `1.2.3.4.5`) or glued to letters is
/// not reported. Redacted as `192.*.*.*`.
public struct IPv4Detector: Detector, Sendable {
    public let name = "ipv4"
    public let category = "user.device.ip_address"

    public init() {}

    public func detect(in buffer: UnsafeBufferPointer<UInt8>, report: (Range<Int>) -> Void) {
        guard let text = ByteText(buffer) else { return }
        var i = text.nextDigit(from: 0)
        while i < text.count {
            let run = NumberRun.read(text, from: i) { $0 == ASCII.dot }
            let before = text.at(i - 1)
            if run.groupCount == 4, !ASCII.isWord(before), before != ASCII.dot, run.isFreeAfter(text),
                !(text.at(run.end) == ASCII.dot && ASCII.isDigit(text.at(run.end + 1))),
                Self.octetsAreValid(text, run)
            {
                report(run.start..<run.end)
            }
            i = text.nextDigit(from: run.end)
        }
    }

    static func octetsAreValid(_ text: ByteText, _ run: NumberRun) -> Bool {
        var i = run.start
        for g in 0..<4 {
            let length = run.group(g)
            guard (1...3).contains(length) else { return false }
            if length > 1, text[i] == 0x30 { return false }
            var value = 0
            for k in i..<(i + length) { value = value * 10 + ASCII.digitValue(text[k]) }
            guard value <= 255 else { return false }
            i += length + 1
        }
        return true
    }

    public func redact(_ match: UnsafeBufferPointer<UInt8>) -> String {
        let first = match.prefix { $0 != ASCII.dot }
        return String(decoding: first, as: UTF8.self) + ".*.*.*"
    }
}
