/// A run of digit groups in text, like `4242 4242 4242 4242` or `06.12.34.56.78`: digits, with
/// single separators between groups, the same separator throughout.
///
/// The digit-based detectors read a whole run and validate it as a whole, then go on after its
/// end: a card number is never found inside a longer number, and no run is read twice.
struct NumberRun {
    /// The first digit.
    var start: Int
    /// Just after the last digit.
    var end: Int
    /// Digits in the run (all of them, however many).
    var digits = 0
    /// Groups in the run.
    var groupCount = 0
    /// The lengths of the first eight groups, eight bits each (saturated at 255).
    private var packedGroups: UInt64 = 0
    /// The separator between groups, 0 when the run is one group.
    var separator: UInt8 = 0

    /// The length of group `k` (k < 8).
    func group(_ k: Int) -> Int { Int((packedGroups >> (8 * UInt64(k))) & 0xFF) }

    /// Reads the run that starts at `start` (a digit).
    ///
    /// A separator belongs to the run only when it is one of `separators`, a digit follows it, and
    /// it is the run's first separator or the same as it; anything else ends the run.
    static func read(_ text: ByteText, from start: Int, separators: (UInt8) -> Bool) -> NumberRun {
        var run = NumberRun(start: start, end: start)
        var i = start
        var groupLength = 0
        while true {
            while i < text.count, ASCII.isDigit(text[i]) {
                i += 1
                groupLength += 1
            }
            run.closeGroup(groupLength)
            run.end = i
            guard i + 1 < text.count else { break }
            let b = text[i]
            guard separators(b), ASCII.isDigit(text[i + 1]), run.separator == 0 || run.separator == b else { break }
            run.separator = b
            i += 1
            groupLength = 0
        }
        return run
    }

    private mutating func closeGroup(_ length: Int) {
        if groupCount < 8 { packedGroups |= UInt64(min(length, 255)) << (8 * UInt64(groupCount)) }
        groupCount += 1
        digits += length
    }

    /// Calls `body` with each digit's value, in order.
    func forEachDigit(in text: ByteText, _ body: (Int) -> Void) {
        for i in start..<end where ASCII.isDigit(text[i]) { body(ASCII.digitValue(text[i])) }
    }

    /// Whether the run stands alone on its left: not glued to a word, and not the decimals or
    /// the next part of a number written before it (`3.14159…`, `12/4242…`, `12-4242…`).
    static func isFreeBefore(_ text: ByteText, _ start: Int) -> Bool {
        let b = text.at(start - 1)
        if ASCII.isWord(b) { return false }
        if b == ASCII.dot || b == 0x2C || b == ASCII.slash || b == ASCII.dash {
            return !ASCII.isDigit(text.at(start - 2))
        }
        return true
    }

    /// Whether the run stands alone on its right: not glued to a word.
    func isFreeAfter(_ text: ByteText) -> Bool {
        !ASCII.isWord(text.at(end))
    }
}
