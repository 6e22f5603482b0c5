import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// One HTTP/1.1 POST over SwiftNIO (TLS by NIOSSL for `https://`), reading the answer's status
/// line and headers only: what ``WebhookDelivery`` needs, with no system library beyond those
/// the store connectors link already (URLSession's FoundationNetworking needs libcurl, which a
/// binary linked with --static-swift-stdlib cannot take). No proxy, no redirect. Every POST (and
/// every retry) runs on the process's shared `MultiThreadedEventLoopGroup.singleton`, as the
/// PostgreSQL connections do: no thread is started and stopped per request. `send()` blocks its
/// caller, which must not be one of that group's threads.
struct HTTPPost {
    /// The answer's status and `Retry-After` header.
    struct Head: Sendable, Equatable {
        var status: Int
        var retryAfter: String?
    }

    /// Why no answer was read.
    enum Failure: Error, Sendable {
        /// No connection (refused, unreachable, the name not found).
        case connection
        /// The TLS handshake failed (certificate, protocol).
        case tls
        /// Nothing, or not all of the answer's head, within the timeout.
        case timeout
        /// The connection closed before the answer's head, or the head is not HTTP.
        case badAnswer
    }

    var url: URL
    var headers: [(String, String)]
    var body: Data
    var timeout: TimeInterval

    /// Sends the request and waits for the answer's head, `timeout` in all.
    func send() throws(Failure) -> Head {
        guard let components = URLComponents(url: url, resolvingAgainstBaseURL: false), let host = components.host,
            !host.isEmpty
        else { throw .badAnswer }
        let secure = components.scheme?.lowercased() == "https"
        let port = components.port ?? (secure ? 443 : 80)
        var target = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        if let query = components.percentEncodedQuery { target += "?" + query }
        var head = "POST \(target) HTTP/1.1\r\n"
        let hostHeader = host.contains(":") ? "[\(host)]" : host
        head += "Host: \(hostHeader)\(components.port.map { ":\($0)" } ?? "")\r\n"
        if let user = components.user {
            let credentials = Data("\(user):\(components.password ?? "")".utf8).base64EncodedString()
            head += "Authorization: Basic \(credentials)\r\n"
        }
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        head += "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n"
        var bytes = ByteBuffer(string: head)
        bytes.writeBytes(body)

        let loop = MultiThreadedEventLoopGroup.singleton.next()
        let reader = HeadReader(promise: loop.makePromise(of: Head.self))
        let sslContext: NIOSSLContext?
        if secure {
            do {
                sslContext = try NIOSSLContext(configuration: .makeClientConfiguration())
            } catch {
                throw .tls
            }
        } else {
            sslContext = nil
        }
        let isAddress = host.contains(":") || host.allSatisfy { $0.isNumber || $0 == "." }
        let milliseconds = Int64(max(timeout, 0.001) * 1000)
        let bootstrap = ClientBootstrap(group: loop)
            .connectTimeout(.milliseconds(milliseconds))
            .channelInitializer { channel in
                do {
                    if let sslContext {
                        try channel.pipeline.syncOperations.addHandler(
                            NIOSSLClientHandler(context: sslContext, serverHostname: isAddress ? nil : host))
                    }
                    try channel.pipeline.syncOperations.addHandler(reader)
                    return channel.eventLoop.makeSucceededVoidFuture()
                } catch {
                    return channel.eventLoop.makeFailedFuture(error)
                }
            }
        let deadline = loop.scheduleTask(in: .milliseconds(milliseconds)) { reader.finish(.failure(.timeout)) }
        defer { deadline.cancel() }
        let channel: Channel
        do {
            channel = try bootstrap.connect(host: host, port: port).wait()
        } catch {
            reader.finish(.failure(.connection))
            throw Self.failure(error, fallback: .connection)
        }
        defer { try? channel.close().wait() }
        channel.writeAndFlush(bytes, promise: nil)
        do {
            return try reader.promise.futureResult.wait()
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Self.failure(error, fallback: .badAnswer)
        }
    }

    static func failure(_ error: any Error, fallback: Failure) -> Failure {
        if let failure = error as? Failure { return failure }
        if error is NIOSSLError || error is BoringSSLError { return .tls }
        if let error = error as? ChannelError, case .connectTimeout = error { return .timeout }
        return fallback
    }
}

/// Reads bytes until the end of the answer's head (`\r\n\r\n`), and completes the promise once:
/// with the head, or with the first failure (a closed connection, an error, the timeout).
private final class HeadReader: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = ByteBuffer

    let promise: EventLoopPromise<HTTPPost.Head>
    private var bytes: [UInt8] = []
    private var done = false
    private let lock = NSLock()

    init(promise: EventLoopPromise<HTTPPost.Head>) {
        self.promise = promise
    }

    /// Completes the promise unless it is already.
    func finish(_ result: Result<HTTPPost.Head, HTTPPost.Failure>) {
        let first = lock.withLock {
            defer { done = true }
            return !done
        }
        guard first else { return }
        switch result {
        case .success(let head): promise.succeed(head)
        case .failure(let failure): promise.fail(failure)
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        bytes += buffer.readBytes(length: buffer.readableBytes) ?? []
        let end: [UInt8] = [13, 10, 13, 10]
        guard let range = bytes.firstRange(of: end) else {
            if bytes.count > 65_536 { finish(.failure(.badAnswer)) }
            return
        }
        let text = String(decoding: bytes[..<range.lowerBound], as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n")
        let status = lines.first?.split(separator: " ", maxSplits: 2)
        guard let status, status.count >= 2, status[0].hasPrefix("HTTP/"), let code = Int(status[1]) else {
            finish(.failure(.badAnswer))
            return
        }
        var retryAfter: String?
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            if line[..<colon].trimmingCharacters(in: .whitespaces).lowercased() == "retry-after" {
                retryAfter = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
        }
        if code == 100 {  // an interim answer: the final one follows
            bytes.removeSubrange(..<range.upperBound)
            return
        }
        finish(.success(HTTPPost.Head(status: code, retryAfter: retryAfter)))
    }

    func channelInactive(context: ChannelHandlerContext) {
        finish(.failure(.badAnswer))
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        finish(.failure(HTTPPost.failure(error, fallback: .badAnswer)))
        context.close(promise: nil)
    }
}
