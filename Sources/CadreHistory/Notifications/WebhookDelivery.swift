import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

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

    /// One POST, waited for at most ``timeout`` (and a second more for the session to give up).
    func attempt(_ body: Data, to url: URL) -> Attempt {
        var request = URLRequest(
            url: url, cachePolicy: .reloadIgnoringLocalAndRemoteCacheData, timeoutInterval: timeout)
        request.httpMethod = "POST"
        request.httpBody = body
        request.setValue("application/json; charset=utf-8", forHTTPHeaderField: "Content-Type")
        request.setValue(userAgent, forHTTPHeaderField: "User-Agent")
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        configuration.httpCookieStorage = nil
        configuration.urlCache = nil
        let session = URLSession(configuration: configuration)
        defer { session.invalidateAndCancel() }
        let box = AttemptBox()
        let done = DispatchSemaphore(value: 0)
        let task = session.dataTask(with: request) { _, response, error in
            if let response = response as? HTTPURLResponse, error == nil {
                box.set(
                    .answer(status: response.statusCode, retryAfter: response.value(forHTTPHeaderField: "Retry-After")))
            } else {
                box.set(Self.attempt(error, timeout: self.timeout))
            }
            done.signal()
        }
        task.resume()
        if done.wait(timeout: .now() + timeout + 1) == .timedOut {
            task.cancel()
            return .error(reason: "no answer within \(Self.seconds(timeout))", retryable: true)
        }
        return box.value ?? .error(reason: "no answer", retryable: true)
    }

    /// An error of URLSession in words that never hold the URL.
    static func attempt(_ error: (any Error)?, timeout: TimeInterval) -> Attempt {
        guard let error = error as? URLError else {
            return .error(reason: "the answer is not HTTP", retryable: false)
        }
        switch error.code {
        case .timedOut: return .error(reason: "no answer within \(seconds(timeout))", retryable: true)
        case .cannotConnectToHost: return .error(reason: "cannot connect", retryable: true)
        case .cannotFindHost, .dnsLookupFailed: return .error(reason: "cannot find the host", retryable: true)
        case .networkConnectionLost: return .error(reason: "the connection was lost", retryable: true)
        case .notConnectedToInternet: return .error(reason: "no network", retryable: true)
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
            .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot, .clientCertificateRejected:
            return .error(reason: "the TLS connection failed (certificate or protocol)", retryable: false)
        case .badServerResponse: return .error(reason: "the server's answer is not valid HTTP", retryable: true)
        default: return .error(reason: "connection error (URLError \(error.code.rawValue))", retryable: true)
        }
    }

    static func seconds(_ value: TimeInterval) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}

/// The result of an attempt, set from URLSession's queue.
private final class AttemptBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: WebhookDelivery.Attempt?

    func set(_ value: WebhookDelivery.Attempt) { lock.withLock { stored = value } }
    var value: WebhookDelivery.Attempt? { lock.withLock { stored } }
}
