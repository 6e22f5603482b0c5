import Foundation

/// Posts a notification to a ``Webhook``: one POST of a JSON body, a timeout on each attempt, and
/// attempts again with exponential back-off after a connection error, a timeout, a 5xx or a 429
/// (waiting its `Retry-After` when it asks for no more than ``longestRetryAfter``); never after
/// another 4xx. What it says of a failure never holds the URL.
public struct WebhookDelivery: Sendable {
    /// Seconds an attempt may take, from connecting to the last byte of the answer.
    public var timeout: TimeInterval = 10
    /// Attempts in all.
    public var attempts: Int = 3
    /// Seconds before the second attempt; doubled before each next one.
    public var backoff: TimeInterval = 1
    /// The longest `Retry-After` (seconds) waited; a longer one ends the attempts.
    public var longestRetryAfter: TimeInterval = 10
    /// The `User-Agent` header.
    public var userAgent: String

    public init(userAgent: String) {
        self.userAgent = userAgent
    }

    /// How a delivery ended.
    public enum Outcome: Sendable, Equatable, CustomStringConvertible {
        /// A 2xx answer, at the attempt given.
        case delivered(status: Int, attempts: Int)
        /// No 2xx answer: why (the last attempt's answer or error), after how many attempts.
        case failed(reason: String, attempts: Int)

        public var delivered: Bool {
            if case .delivered = self { true } else { false }
        }

        public var description: String {
            switch self {
            case .delivered(let status, let attempts):
                "HTTP \(status)" + (attempts > 1 ? " after \(attempts) attempts" : "")
            case .failed(let reason, let attempts):
                reason + " (\(attempts) attempt\(attempts == 1 ? "" : "s"))"
            }
        }
    }

    /// What one attempt gave.
    enum Attempt: Sendable {
        case answer(status: Int, retryAfter: String?)
        case error(reason: String, retryable: Bool)
    }

    /// Posts `body` (JSON) to `webhook`, attempting again as the type says; waits for the end.
    public func post(_ body: Data, to webhook: Webhook) -> Outcome {
        var made = 0
        var wait = backoff
        while true {
            made += 1
            let reason: String
            var pause = wait
            switch attempt(body, to: webhook.url) {
            case .answer(let status, let retryAfter):
                if (200..<300).contains(status) { return .delivered(status: status, attempts: made) }
                reason = "HTTP \(status)"
                guard status >= 500 || status == 429 else { return .failed(reason: reason, attempts: made) }
                if let retryAfter, let seconds = TimeInterval(retryAfter.trimmingCharacters(in: .whitespaces)),
                    seconds >= 0
                {
                    guard seconds <= longestRetryAfter else {
                        return .failed(
                            reason:
                                "\(reason), asked to retry after \(Int(seconds)) s (more than \(Int(longestRetryAfter)) s)",
                            attempts: made)
                    }
                    pause = seconds
                }
            case .error(let why, let retryable):
                reason = why
                guard retryable else { return .failed(reason: reason, attempts: made) }
            }
            guard made < attempts else { return .failed(reason: reason, attempts: made) }
            Thread.sleep(forTimeInterval: pause)
            wait *= 2
        }
    }

    /// One POST (``HTTPPost``), waited for at most ``timeout``.
    func attempt(_ body: Data, to url: URL) -> Attempt {
        let post = HTTPPost(
            url: url,
            headers: [("Content-Type", "application/json; charset=utf-8"), ("User-Agent", userAgent)],
            body: body, timeout: timeout)
        do {
            let head = try post.send()
            return .answer(status: head.status, retryAfter: head.retryAfter)
        } catch {
            switch error {
            case .connection: return .error(reason: "cannot connect", retryable: true)
            case .timeout: return .error(reason: "no answer within \(Self.seconds(timeout))", retryable: true)
            case .tls:
                return .error(reason: "the TLS connection failed (certificate or protocol)", retryable: false)
            case .badAnswer: return .error(reason: "the answer is not HTTP, or was cut", retryable: true)
            }
        }
    }

    static func seconds(_ value: TimeInterval) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}
