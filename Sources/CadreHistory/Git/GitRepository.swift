import Foundation

/// The git repository a folder is in, read with the system's `git` (found on `PATH`).
public struct GitRepository: Sendable {
    /// Why `git` could not answer.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// The folder `git` runs in (`git -C folder`).
    public var folder: String

    public init(folder: String) { self.folder = folder }

    /// The text `git arguments` prints, without its trailing new line.
    ///
    /// - Throws: ``Failure`` when `git` cannot be run or exits with a status other than 0: what
    ///   it wrote on standard error, first line.
    public func run(_ arguments: [String]) throws(Failure) -> String {
        let data = try output(arguments)
        var text = String(decoding: data, as: UTF8.self)
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    /// The bytes `git arguments` prints.
    public func output(_ arguments: [String]) throws(Failure) -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["LC_ALL"] = "C"
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw Failure(description: "cannot run git: \(error.localizedDescription)")
        }
        // Read both pipes while git writes (a large file would fill one and block it).
        let errorText = DispatchGroup()
        nonisolated(unsafe) var errorData = Data()
        DispatchQueue.global().async(group: errorText) { errorData = errors.fileHandleForReading.readDataToEndOfFile() }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        errorText.wait()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: errorData, as: UTF8.self).split(separator: "\n").first.map(String.init)
            throw Failure(
                description: message ?? "git \(arguments.first ?? "") exited with status \(process.terminationStatus)")
        }
        return data
    }
}
