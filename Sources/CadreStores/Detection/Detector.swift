/// Finds one kind of personal data in text, and says how to show a match without revealing it.
///
/// Detectors work on raw UTF-8 bytes, in one forward pass, without regular expressions: the
/// native ones look for a trigger byte (a digit, `@`, `:`), read the candidate around it, and
/// report it only when it validates (checksums, lengths, known prefixes), so that random digit runs
/// are not reported.
///
/// A plugin detector (written in Lua: a name, a pattern, a validation function) conforms to this
/// protocol in the engine and is registered in a ``DetectorRegistry`` beside the native ones.
/// Detectors are called on the thread that runs the scan (see ``Store``), so a detector backed by
/// a worker's Lua state need not be `Sendable`; keep one registry per worker.
public protocol Detector {
    /// The detector's name, unique in a registry: lower case letters, digits, `_`, `-`, `.` (`email`).
    var name: String { get }
    /// The data category of what it finds, as a taxonomy key (`user.contact.email`).
    var category: String { get }

    /// Calls `report` with the byte range of every validated match in `text`, in increasing order.
    ///
    /// - Parameters:
    ///   - text: UTF-8 bytes of one value; valid only during the call.
    ///   - report: Called once per match with its range in `text`.
    func detect(in text: UnsafeBufferPointer<UInt8>, report: (Range<Int>) -> Void)

    /// The match as it may be shown in a report or a log: redacted so that it no longer
    /// identifies anyone (`j***@e***.fr`). Called with the bytes of a range `detect` reported.
    func redact(_ match: UnsafeBufferPointer<UInt8>) -> String
}

extension Detector {
    /// The default redaction: the first character, three stars, the last character; three stars
    /// for matches under six bytes. The length of the match is not revealed.
    public func redact(_ match: UnsafeBufferPointer<UInt8>) -> String {
        Redactor.generic(match)
    }
}

extension Detector {
    /// The matches in a string, each as its redacted form: a convenience for tests and tools.
    public func redactedMatches(in text: String) -> [String] {
        var text = text
        return text.withUTF8 { buffer in
            var found: [String] = []
            detect(in: buffer) { range in
                found.append(redact(UnsafeBufferPointer(rebasing: buffer[range])))
            }
            return found
        }
    }

    /// How many matches a string holds.
    public func countMatches(in text: String) -> Int {
        var text = text
        return text.withUTF8 { buffer in
            var count = 0
            detect(in: buffer) { _ in count += 1 }
            return count
        }
    }

    /// The matched substrings themselves, unredacted: for the detectors' own tests (internal, so
    /// no caller outside this module can turn a detector into a way of extracting values).
    func rawMatches(in text: String) -> [String] {
        var text = text
        return text.withUTF8 { buffer in
            var found: [String] = []
            detect(in: buffer) { range in
                found.append(String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self))
            }
            return found
        }
    }
}
