import ArgumentParser
import CadreEngine
import CadreModel
import CadreReports
import Foundation

/// `cadre packs`: the packs a workspace takes from git, and their lock.
struct PacksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "packs",
        abstract: "Packs taken from git: fetch them at the refs cadre.yaml names and pin them in cadre.lock.",
        subcommands: [Update.self])

    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Fetch each pack cadre.yaml takes from git and write cadre.lock: the commit of its ref, its digest.",
            discussion: """
                A pack named `{ git: URL, ref: v1.2.0, path: cnil }` in cadre.yaml is fetched with the \
                system's git into the cache (CADRE_CACHE, default ~/.cache/cadre); cadre.lock records the \
                commit the ref names and the digest of the pack found there. Commit cadre.lock: every \
                run uses those commits and refuses a pack whose digest differs. With --check nothing \
                is written: the status says whether the lock is current. Exit status: 0; 1 with \
                --check when cadre.lock would change; 2 when cadre.yaml, a repository, a ref or a \
                pack is wrong.
                """)

        @OptionGroup var workspace: WorkspaceOptions

        @Flag(help: "Write nothing; exit 1 when cadre.lock is not what an update would write.")
        var check = false

        func run() throws {
            let files = WorkspaceFiles(root: workspace.root)
            let configurationPath = files.path(WorkspaceConfiguration.fileName)
            guard FileKind.of(configurationPath) == .regular else {
                printError("cadre: no cadre.yaml in \(files.root); run `cadre init` or pass --workspace")
                throw ExitCode(2)
            }
            let (configuration, problems) = WorkspaceConfiguration.read(
                fileAt: configurationPath, as: configurationPath)
            for problem in problems { printError(problem.description) }
            guard let configuration, !problems.containsErrors else { throw ExitCode(2) }

            let lockPath = files.path(PackLock.fileName)
            // A FIFO or a device in the lock's place would block its read, and its write: refused.
            if let kind = FileKind.of(lockPath), kind != .regular {
                printError(
                    Diagnostic.error(
                        .unreadableFile, at: .start(of: lockPath), "is \(kind.phrase), not a regular file",
                        hint: "remove it: `cadre packs update` writes the lock as a regular file"
                    ).description)
                throw ExitCode(2)
            }
            var previous = PackLock(entries: [])
            if FileKind.of(lockPath) != nil {
                let (read, lockProblems) = PackLock.read(fileAt: lockPath, as: lockPath)
                if let read {
                    previous = read
                } else {
                    for problem in lockProblems { printError(problem.description) }
                    printError("cadre: \(lockPath) cannot be read; it is written again from cadre.yaml")
                }
            }

            let cache = GitPackCache.standard()
            var fetched: Set<String> = []
            var entries: [PackLock.Entry] = []
            var failed = false
            for source in configuration.packs {
                guard case .git(let git) = source.kind else { continue }
                let location = SourceLocation(
                    file: configurationPath, line: source.location.line, column: source.location.column)
                do {
                    let entry = try Self.pin(git, cache: cache, fetched: &fetched)
                    entries.append(entry)
                    let earlier =
                        previous.entry(for: git)
                        ?? previous.entries.first { $0.source.url == git.url && $0.source.path == git.path }
                    print(TerminalText.line(Self.change(from: earlier, to: entry)))
                } catch {
                    printError(
                        Diagnostic.error(
                            .gitFetch, at: location, "\(error)",
                            hint: "check the URL, the ref, and that this machine can reach the repository"
                        ).description)
                    failed = true
                }
            }
            if failed { throw ExitCode(2) }
            let lock = PackLock(entries: entries)
            if entries.isEmpty && FileKind.of(lockPath) == nil {
                print("cadre.yaml takes no pack from git: nothing to pin")
                return
            }
            let current = (try? FileReader.read(lockPath)).map { String(decoding: $0, as: UTF8.self) } ?? ""
            if current == lock.text {
                print("\(TerminalText.line(lockPath)) is up to date")
                return
            }
            if check {
                printError("cadre: \(lockPath) is not up to date: run `cadre packs update` and commit it")
                throw ExitCode(1)
            }
            try Terminal.write(lock.text, to: lockPath)
            print("wrote \(TerminalText.line(lockPath)) (\(Plural.count(entries.count, "pack")))")
        }

        /// Fetches `git` (each repository once) and pins the pack at the commit its ref names.
        static func pin(_ git: GitSource, cache: GitPackCache, fetched: inout Set<String>) throws -> PackLock.Entry {
            if fetched.insert(git.url).inserted, git.problem == nil { try cache.fetch(git.url) }
            return try cache.pin(git)
        }

        /// "cnil 1.2.0 (was 1.1.0) — https://… v1.2.0 at 9fceb02d0ae5".
        static func change(from old: PackLock.Entry?, to new: PackLock.Entry) -> String {
            let origin = "\(new.source.shownURL) \(new.source.ref) at \(new.commit.prefix(12))"
            guard let old else { return "\(new.id) \(new.version) — \(origin) (pinned)" }
            if old.commit == new.commit && old.digest == new.digest {
                return "\(new.id) \(new.version) — \(origin) (unchanged)"
            }
            let was =
                old.version == new.version ? "\(old.commit.prefix(12))" : "\(old.version) at \(old.commit.prefix(12))"
            let warning =
                old.version == new.version && old.digest != new.digest
                ? "; its rules changed but its version did not" : ""
            return "\(new.id) \(new.version) — \(origin) (was \(was)\(warning))"
        }
    }

}
