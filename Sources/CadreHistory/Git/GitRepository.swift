import CadreEngine
import Foundation

/// The git repository a folder is in, read with the system's `git` (``GitCommand``).
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

    /// The bytes `git arguments` prints (``GitCommand``: no prompt, no shell, a timeout), at most
    /// `limit` of them: git is stopped once it has written more.
    public func output(_ arguments: [String], upTo limit: Int = .max) throws(Failure) -> Data {
        do {
            return try GitCommand().output(["-C", folder] + arguments, upTo: limit)
        } catch {
            let said = error.output.split(separator: "\n").first.map(String.init)
            throw Failure(
                description: said ?? "git \(arguments.first ?? "") exited with status \(error.status)")
        }
    }
}
