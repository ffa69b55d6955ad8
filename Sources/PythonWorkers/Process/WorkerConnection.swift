import Foundation
import Synchronization
import SystemShims

#if canImport(Glibc)
    import Glibc
#endif

/// What a worker's I/O thread reports to its pool, in the order it happened.
enum WorkerEvent: Sendable {
    case response(ResponseFrame)
    case output(WorkerOutput.Stream, String)
    case protocolViolation(String)
    case exited(ExitStatus)
}

/// One running worker process: the host's ends of its pipes and the thread that serves them.
///
/// The thread polls the response pipe, stdout, stderr, the process itself (a pidfd) and, while a request is only
/// partly written, the request pipe; it decodes frames and splits printed output into lines. When the process
/// exits (or, on kernels without pidfds, when the response pipe closes) it reads the frames the worker wrote
/// before it ended, kills the worker's process group (children it forked hold the pipes open and would otherwise
/// outlive it), reaps the process and reports how it ended. Writes try the pipe directly and leave what does not fit for the
/// thread, so no caller ever blocks on a full pipe.
final class WorkerConnection: Sendable {
    let process: ChildProcess
    private let wake: (read: Int32, write: Int32)
    private let writes = Mutex(WriteState())
    private let handler: @Sendable (WorkerEvent) -> Void

    private struct WriteState {
        var pending: [UInt8] = []
        var pendingStart = 0
        var closeWhenFlushed = false
        var requestClosed = false
        /// Set when the thread has closed every descriptor; nothing may touch them afterwards.
        var finished = false
        /// Set once the process has been killed for good and is about to be reaped: its pid may be reused
        /// afterwards, so no signal may be sent to it any more.
        var reaping = false
    }

    /// Starts serving `process`; `handler` receives its events on the I/O thread.
    init(process: ChildProcess, handler: @escaping @Sendable (WorkerEvent) -> Void) {
        self.process = process
        self.handler = handler
        var fds: [Int32] = [-1, -1]
        _ = shims_pipe_cloexec(&fds, 1)
        wake = (fds[0], fds[1])
        let thread = Thread { [self] in serve() }
        thread.name = "PythonWorkers pid \(process.pid)"
        thread.stackSize = 512 * 1024
        thread.start()
    }

    /// Queues a request frame; never blocks.
    func send(_ frame: [UInt8]) {
        let needsWake = writes.withLock { state -> Bool in
            guard !state.requestClosed, !state.closeWhenFlushed else { return false }
            if state.pendingStart == state.pending.count {
                let written = frame.withUnsafeBytes { Self.writeSome(process.requestFD, $0) }
                if written == frame.count { return false }
                state.pending = Array(frame[max(written, 0)...])
                state.pendingStart = 0
                return true
            }
            state.pending.append(contentsOf: frame)
            return false
        }
        if needsWake { poke() }
    }

    /// Closes the request pipe once queued requests are written: the worker finishes and exits.
    func closeRequests() {
        writes.withLock { state in
            if state.pendingStart == state.pending.count, !state.requestClosed {
                state.requestClosed = true
                close(process.requestFD)
            } else {
                state.closeWhenFlushed = true
            }
        }
        poke()
    }

    /// Kills the process (`SIGKILL`); the thread then reports `.exited`. Does nothing once the process is
    /// being reaped (its pid could belong to another process by then).
    func kill() {
        writes.withLock { state in
            if !state.reaping { process.signal(SIGKILL) }
        }
    }

    private func poke() {
        writes.withLock { state in
            guard !state.finished else { return }
            var byte: UInt8 = 1
            _ = write(wake.write, &byte, 1)
        }
    }

    private static func writeSome(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int {
        var offset = 0
        while offset < bytes.count {
            let result = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if result > 0 {
                offset += result
            } else if result < 0 && errno == EINTR {
                continue
            } else {
                break  // EAGAIN (pipe full) or EPIPE (worker gone: the response pipe reports it)
            }
        }
        return offset
    }

    /// Writes pending bytes; returns whether some remain.
    private func flush() -> Bool {
        writes.withLock { state in
            if state.requestClosed { return false }
            if state.pendingStart < state.pending.count {
                let written = state.pending.withUnsafeBytes {
                    Self.writeSome(process.requestFD, UnsafeRawBufferPointer(rebasing: $0[state.pendingStart...]))
                }
                state.pendingStart += written
                if state.pendingStart == state.pending.count {
                    state.pending.removeAll(keepingCapacity: false)
                    state.pendingStart = 0
                }
            }
            let flushed = state.pendingStart == state.pending.count
            if flushed && state.closeWhenFlushed {
                state.requestClosed = true
                close(process.requestFD)
            }
            return !flushed
        }
    }

    /// The longest printed line handed out whole (bytes).
    static let maximumLineLength = 64 * 1024

    private func serve() {
        var decoder = FrameDecoder()
        var lines: [WorkerOutput.Stream: [UInt8]] = [.stdout: [], .stderr: []]
        var open: [Int32: Bool] = [process.responseFD: true, process.stdoutFD: true, process.stderrFD: true]
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 8)
        defer { buffer.deallocate() }
        var violated = false
        // Exit is seen from the process itself: a forked child holding the response pipe cannot hide it.
        let exitFD = shims_pidfd_open(process.pid)
        var exited = false

        func readResponses(_ count: Int) {
            guard !violated else { return }
            decoder.append(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
            do {
                while let frame = try decoder.next() { handler(.response(frame)) }
            } catch {
                violated = true
                handler(.protocolViolation(error.detail))
                kill()
            }
        }

        // Complete lines are handed out in one pass; a run without a newline longer than `maximumLineLength` is
        // handed out in pieces of that size, so a worker cannot make the host buffer without bound.
        func deliverLines(_ stream: WorkerOutput.Stream, final: Bool) {
            var bytes = lines[stream]!
            var start = bytes.startIndex
            while let newline = bytes[start...].firstIndex(of: 10) {
                handler(.output(stream, String(decoding: bytes[start..<newline], as: UTF8.self)))
                start = newline + 1
            }
            while bytes.count - start >= Self.maximumLineLength {
                handler(.output(stream, String(decoding: bytes[start..<start + Self.maximumLineLength], as: UTF8.self)))
                start += Self.maximumLineLength
            }
            if final && start < bytes.count {
                handler(.output(stream, String(decoding: bytes[start...], as: UTF8.self)))
                start = bytes.count
            }
            bytes.removeSubrange(..<start)
            lines[stream] = bytes
        }

        while open[process.responseFD] == true && !exited {
            let wantsWrite = writes.withLock { $0.pendingStart < $0.pending.count && !$0.requestClosed }
            var fds = [
                pollfd(fd: process.responseFD, events: Int16(POLLIN), revents: 0),
                pollfd(fd: open[process.stdoutFD]! ? process.stdoutFD : -1, events: Int16(POLLIN), revents: 0),
                pollfd(fd: open[process.stderrFD]! ? process.stderrFD : -1, events: Int16(POLLIN), revents: 0),
                pollfd(fd: wake.read, events: Int16(POLLIN), revents: 0),
                pollfd(fd: wantsWrite ? process.requestFD : -1, events: Int16(POLLOUT), revents: 0),
                pollfd(fd: exitFD, events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&fds, nfds_t(fds.count), -1)
            if ready < 0 {
                if errno == EINTR { continue }
                break
            }
            if fds[3].revents != 0 {
                while read(wake.read, buffer.baseAddress, buffer.count) > 0 {}
            }
            if fds[4].revents != 0 { _ = flush() }
            for (index, stream) in [(1, WorkerOutput.Stream.stdout), (2, .stderr)] where fds[index].revents != 0 {
                let count = read(fds[index].fd, buffer.baseAddress, buffer.count)
                if count > 0 {
                    lines[stream]!.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[..<count]))
                    deliverLines(stream, final: false)
                } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                    open[fds[index].fd] = false
                    deliverLines(stream, final: true)
                }
            }
            if fds[0].revents != 0 {
                let count = read(process.responseFD, buffer.baseAddress, buffer.count)
                if count > 0 {
                    readResponses(count)
                } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                    open[process.responseFD] = false
                }
            }
            if fds[5].revents != 0 { exited = true }
        }
        if exited && open[process.responseFD] == true {
            // Everything the worker wrote before it ended is in the pipe already.
            _ = fcntl(process.responseFD, F_SETFL, fcntl(process.responseFD, F_GETFL) | O_NONBLOCK)
            while true {
                let count = read(process.responseFD, buffer.baseAddress, buffer.count)
                if count > 0 {
                    readResponses(count)
                } else if count < 0 && errno == EINTR {
                    continue
                } else {
                    break
                }
            }
        }
        if exitFD >= 0 { close(exitFD) }
        if decoder.hasPartialFrame && !violated {
            handler(.protocolViolation("the worker's last frame was cut short"))
        }
        // The worker can no longer answer: make sure it and its process group are gone (the group's id stays
        // valid until the worker is reaped), then reap it.
        writes.withLock { state in
            process.signal(SIGKILL)
            state.reaping = true
        }
        for (fd, stream) in [(process.stdoutFD, WorkerOutput.Stream.stdout), (process.stderrFD, .stderr)]
        where open[fd] == true {
            // Drain what the worker printed before it ended (without waiting on grandchildren holding the pipe).
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            while true {
                let count = read(fd, buffer.baseAddress, buffer.count)
                guard count > 0 else { break }
                lines[stream]!.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[..<count]))
            }
            deliverLines(stream, final: true)
        }
        var status: Int32 = 0
        while waitpid(process.pid, &status, 0) < 0 && errno == EINTR {}
        writes.withLock { state in
            if !state.requestClosed {
                state.requestClosed = true
                close(process.requestFD)
            }
            state.finished = true
            for fd in [process.responseFD, process.stdoutFD, process.stderrFD, wake.read, wake.write] { close(fd) }
        }
        handler(.exited(ExitStatus(waitStatus: status)))
    }
}
