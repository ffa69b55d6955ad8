import SystemShims

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A spawned worker process and the host's ends of its four pipes.
///
/// The child gets its request pipe as fd 3 and its response pipe as fd 4; its stdout and stderr are pipes the
/// host drains; its stdin is `/dev/null`. All host-side descriptors are close-on-exec, so other children never
/// inherit them, and the child leads its own process group, so a terminal's Ctrl-C reaches the host only and a kill
/// reaches the worker's own children too.
struct ChildProcess: Sendable {
    let pid: pid_t
    /// The host writes requests here (non-blocking).
    let requestFD: Int32
    let responseFD: Int32
    let stdoutFD: Int32
    let stderrFD: Int32

    /// Spawns `executable arguments…` with `environment` (`NAME=value` strings).
    static func spawn(executable: String, arguments: [String], environment: [String]) throws(WorkerError)
        -> ChildProcess
    {
        // Every pipe made is closed again if spawning fails at any step, also half-way through.
        var opened: [(Int32, Int32)] = []
        var ownsPipes = true
        defer {
            if ownsPipes { for fd in opened.flatMap({ [$0.0, $0.1] }) where fd >= 0 { close(fd) } }
        }
        func makePipe() throws(WorkerError) -> (Int32, Int32) {
            let made = try pipe()
            opened.append(made)
            return made
        }
        var request = try makePipe()
        let response = try makePipe()
        let output = try makePipe()
        let errors = try makePipe()

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, output.1, 1)
        posix_spawn_file_actions_adddup2(&actions, errors.1, 2)
        posix_spawn_file_actions_adddup2(&actions, request.0, 3)
        posix_spawn_file_actions_adddup2(&actions, response.1, 4)
        // Only the worker's own descriptors (0–4) survive into it, whatever the host left inheritable.
        _ = shims_spawn_close_from(&actions, 5)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        sigaddset(&defaults, SIGINT)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &mask)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETPGROUP))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard status == 0 else {
            throw WorkerError(
                .startupFailed,
                "cannot start the worker interpreter \(executable): \(String(cString: strerror(status)))")
        }
        // The child has its copies; the host keeps only its own ends.
        close(request.0)
        close(response.1)
        close(output.1)
        close(errors.1)
        ownsPipes = false
        request.0 = -1
        _ = fcntl(request.1, F_SETFL, fcntl(request.1, F_GETFL) | O_NONBLOCK)
        return ChildProcess(
            pid: pid, requestFD: request.1, responseFD: response.0, stdoutFD: output.0, stderrFD: errors.0)
    }

    private static func pipe() throws(WorkerError) -> (Int32, Int32) {
        var fds: [Int32] = [-1, -1]
        guard shims_pipe_cloexec(&fds, 0) == 0 else {
            throw WorkerError(.startupFailed, "cannot create a pipe: \(String(cString: strerror(errno)))")
        }
        return (fds[0], fds[1])
    }

    /// Sends a signal to the child's process group: the worker and every process it forked (ignored if gone).
    func signal(_ signal: Int32) {
        _ = kill(-pid, signal)
    }
}

/// How a child process ended, as `waitpid` reported it.
public enum ExitStatus: Sendable, Equatable, CustomStringConvertible {
    /// `exit(code)` or returning from `main`.
    case exited(Int32)
    /// Ended by a signal (`9` is `SIGKILL`).
    case signaled(Int32)

    init(waitStatus: Int32) {
        let signal = waitStatus & 0x7f
        self = signal == 0 ? .exited((waitStatus >> 8) & 0xff) : .signaled(signal)
    }

    public var description: String {
        switch self {
        case .exited(let code): "exited with status \(code)"
        case .signaled(let signal):
            "killed by signal \(signal)\(ExitStatus.signalNames[signal].map { " (\($0))" } ?? "")"
        }
    }

    static let signalNames: [Int32: String] = [
        1: "SIGHUP", 2: "SIGINT", 6: "SIGABRT", 9: "SIGKILL", 11: "SIGSEGV", 13: "SIGPIPE", 15: "SIGTERM",
    ]
}
