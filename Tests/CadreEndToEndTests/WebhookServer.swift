import Foundation

/// A webhook for the tests: Scripts/webhook_server.py on 127.0.0.1 at a free port, answering as
/// `plan` says (`200`, `503`, `429:1`, `hang`; the last repeated) and recording each request.
/// Stopped (its process, by id) when released.
final class WebhookServer {
    /// A request the server received.
    struct Request {
        var path: String
        var headers: [String: String]
        var body: String
        var json: Any? { try? JSONSerialization.jsonObject(with: Data(body.utf8)) }
    }

    let folder: URL
    let process = Process()
    let port: Int

    init(plan: [String] = ["200"]) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("cadre-webhook-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let portFile = folder.appendingPathComponent("port")
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3",
            CadreCommand.repositoryRoot.appendingPathComponent("Tests/CadreEndToEndTests/Scripts/webhook_server.py")
                .path,
            portFile.path, folder.appendingPathComponent("requests.jsonl").path, plan.joined(separator: ","),
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        while !FileManager.default.fileExists(atPath: portFile.path) {
            guard Date() < deadline, process.isRunning else {
                if process.isRunning { kill(process.processIdentifier, SIGKILL) }
                throw CadreCommand.CommandError(description: "the webhook server did not start")
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        port = Int(try String(contentsOf: portFile, encoding: .utf8)) ?? 0
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: folder)
    }

    /// Stops the server (SIGKILL to its process: a child started from a test's thread may have
    /// SIGTERM blocked).
    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// `http://127.0.0.1:PORT` + `path`.
    func url(_ path: String = "/hook") -> String { "http://127.0.0.1:\(port)\(path)" }

    /// The requests received so far, in order.
    var requests: [Request] {
        let text = (try? String(contentsOf: folder.appendingPathComponent("requests.jsonl"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                return nil
            }
            return Request(
                path: object["path"] as? String ?? "", headers: object["headers"] as? [String: String] ?? [:],
                body: object["body"] as? String ?? "")
        }
    }
}
