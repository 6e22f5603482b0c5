import CadreModel
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Waits for files of a workspace to change: with inotify on Linux, or by comparing the folders'
/// files (path, size, modification time) every interval when inotify is unavailable or a folder is
/// on a network file system (NFS, SMB/CIFS, FUSE, 9P), where inotify misses other machines' writes.
public final class WorkspaceWatcher {
    /// How changes are noticed.
    public enum Mode: Sendable, Hashable, CustomStringConvertible {
        case inotify
        case polling(interval: Duration)

        public var description: String {
            switch self {
            case .inotify: "inotify"
            case .polling(let interval):
                "polling every \(interval.components.seconds * 1000 + interval.components.attoseconds / 1_000_000_000_000_000) ms"
            }
        }
    }

    public private(set) var mode: Mode
    private var targets: WatchTargets
    private var inotify: Int32 = -1
    private var snapshot: [String: FileState] = [:]

    /// Watches `targets`; `polling` forces polling, otherwise inotify is used where it works.
    public init(_ targets: WatchTargets, polling: Bool = false, interval: Duration = .seconds(1)) {
        self.targets = targets
        mode = .polling(interval: interval)
        #if os(Linux)
            if !polling, !targets.folders.contains(where: Self.isNetworkFileSystem) {
                let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
                if fd >= 0 {
                    inotify = fd
                    mode = .inotify
                }
            }
        #endif
        retarget(targets)
    }

    deinit { if inotify >= 0 { close(inotify) } }

    /// Watches `targets` from now on (the workspace's folders may have changed).
    public func retarget(_ targets: WatchTargets) {
        self.targets = targets
        switch mode {
        case .inotify:
            #if os(Linux)
                let mask = UInt32(
                    IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_MODIFY | IN_ATTRIB
                        | IN_DELETE_SELF)
                for folder in targets.folders { _ = inotify_add_watch(inotify, folder, mask) }
            #endif
        case .polling:
            snapshot = Self.snapshot(of: targets)
        }
    }

    /// Blocks until something changes and then `quiet` passes with no further change (so a burst
    /// of writes gives one answer). Returns false when `stop` (a file descriptor) becomes readable.
    public func waitForChange(quiet: Duration, stop: Int32) -> Bool {
        guard waitForEvent(stop: stop, timeout: nil) else { return false }
        while true {
            switch waitForEventOrTimeout(stop: stop, timeout: quiet) {
            case .stopped: return false
            case .timedOut: return true
            case .changed: continue
            }
        }
    }

    private enum Wait { case changed, timedOut, stopped }

    private func waitForEvent(stop: Int32, timeout: Duration?) -> Bool {
        while true {
            switch waitForEventOrTimeout(stop: stop, timeout: timeout ?? .seconds(3600)) {
            case .stopped: return false
            case .changed: return true
            case .timedOut: continue
            }
        }
    }

    private func waitForEventOrTimeout(stop: Int32, timeout: Duration) -> Wait {
        let deadline = ContinuousClock.now + timeout
        while true {
            let remaining = ContinuousClock.now.duration(to: deadline)
            if remaining <= .zero { return .timedOut }
            switch mode {
            case .inotify:
                var fds = [
                    pollfd(fd: inotify, events: Int16(POLLIN), revents: 0),
                    pollfd(fd: stop, events: Int16(POLLIN), revents: 0),
                ]
                let result = poll(&fds, 2, Self.milliseconds(remaining))
                if result < 0 { if errno == EINTR { continue } else { return .stopped } }
                if fds[1].revents != 0 { return .stopped }
                if fds[0].revents != 0 {
                    drainInotify()
                    return .changed
                }
            case .polling(let interval):
                var fds = [pollfd(fd: stop, events: Int16(POLLIN), revents: 0)]
                let result = poll(&fds, 1, Self.milliseconds(min(interval, remaining)))
                if result < 0 && errno != EINTR { return .stopped }
                if fds[0].revents != 0 { return .stopped }
                let now = Self.snapshot(of: targets)
                if now != snapshot {
                    snapshot = now
                    return .changed
                }
            }
        }
    }

    private func drainInotify() {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(inotify, $0.baseAddress, $0.count) }
            if count <= 0 { return }
        }
    }

    private static func milliseconds(_ duration: Duration) -> Int32 {
        let (seconds, attoseconds) = duration.components
        return Int32(clamping: max(0, seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1))
    }

    /// What polling compares: each file's size and modification time.
    struct FileState: Hashable {
        var size: Int64
        var seconds: Int
        var nanoseconds: Int
    }

    static func snapshot(of targets: WatchTargets) -> [String: FileState] {
        var files: [String: FileState] = [:]
        for folder in targets.folders {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
            for name in names where !name.hasPrefix(".") {
                let path = WorkspaceFiles.join(folder, name)
                var info = stat()
                guard stat(path, &info) == 0 else { continue }
                #if os(Linux)
                    files[path] = FileState(
                        size: Int64(info.st_size), seconds: info.st_mtim.tv_sec, nanoseconds: info.st_mtim.tv_nsec)
                #else
                    files[path] = FileState(
                        size: Int64(info.st_size), seconds: info.st_mtimespec.tv_sec,
                        nanoseconds: info.st_mtimespec.tv_nsec)
                #endif
            }
        }
        return files
    }

    /// Whether `path` is on a network file system, where inotify does not see other machines'
    /// writes: the type of the longest mount point above it in `/proc/mounts`.
    static func isNetworkFileSystem(_ path: String) -> Bool {
        guard let mounts = try? String(contentsOfFile: "/proc/mounts", encoding: .utf8) else { return false }
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        var best: (point: String, type: String) = ("", "")
        for line in mounts.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count >= 3 else { continue }
            let point = String(fields[1]).replacingOccurrences(of: "\\040", with: " ")
            let inside = point == "/" || absolute == point || absolute.hasPrefix(point + "/")
            if inside && point.count >= best.point.count { best = (point, String(fields[2])) }
        }
        let network: Set<String> = [
            "nfs", "nfs4", "cifs", "smb3", "smbfs", "9p", "afs", "ceph", "glusterfs", "lustre", "davfs", "fuse.sshfs",
        ]
        return network.contains(best.type)
    }
}
