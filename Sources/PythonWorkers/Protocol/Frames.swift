/// The wire format between the host and a worker (see `worker.py`):
/// `u32 length | u64 call id | u8 kind-or-status | pickle`, little-endian, length counting what follows it.
enum Frame {
    static let headerSize = 13
    /// The largest response frame a worker sends (1 GiB); a larger announced length is corruption. Workers answer
    /// a result that does not fit with ``Status/payloadTooLarge`` instead.
    static let maximumLength = 1 << 30
    /// The largest request payload: the length field is 32 bits and counts the 9 header bytes after it.
    static let maximumRequestPayload = Int(UInt32.max) - 9

    /// What a request asks the worker to do.
    enum Kind: UInt8 {
        case setup = 0
        case call = 1
        case map = 2
        /// Withdraws an earlier request of the same call id if the worker has not started it; answered with
        /// ``Status/withdrawn`` when it had not, else ignored (the call's own answer follows).
        case withdraw = 3
        /// A call, attribute read or attribute write on a module or on an object in the worker's object table,
        /// answered with the value or with a handle (see `worker.py`).
        case object = 4
        /// Drops objects from the worker's object table (raw little-endian u64 ids); never answered.
        case release = 5
    }

    /// How a worker answered.
    enum Status: UInt8 {
        case result = 0
        case exception = 1
        case unpicklableResult = 2
        /// The request was withdrawn before it started (empty payload).
        case withdrawn = 3
        /// The result was pickled but is larger than a frame carries (payload: an exception report).
        case payloadTooLarge = 4
        /// The result stays in the worker's object table (payload: u64 object id, then the UTF-8 type name).
        case handle = 5
        /// An opaque value among the arguments does not unpickle in the worker; nothing ran (payload: an
        /// exception report).
        case invalidOpaqueValue = 6
    }

    /// A complete request frame. `payload` must be at most ``maximumRequestPayload`` bytes (see
    /// ``checkRequestSize(_:call:)``, done before a request is queued).
    static func request(callID: UInt64, kind: Kind, payload: [UInt8]) -> [UInt8] {
        precondition(payload.count <= maximumRequestPayload, "request payloads are checked before they are queued")
        var frame: [UInt8] = []
        frame.reserveCapacity(headerSize + payload.count)
        append(UInt32(payload.count + 9), to: &frame)
        append(callID, to: &frame)
        frame.append(kind.rawValue)
        frame.append(contentsOf: payload)
        return frame
    }

    /// Refuses a request payload too large for a frame's 32-bit length, before anything is queued.
    static func checkRequestSize(_ count: Int, call: String) throws(WorkerError) {
        guard count > maximumRequestPayload else { return }
        throw WorkerError(
            .payloadTooLarge,
            "the arguments of \(call) pickle to \(count) bytes, more than a request frame carries (4 GiB); "
                + "nothing was sent. Pass large data through a file or shared memory")
    }

    private static func append<Value: FixedWidthInteger>(_ value: Value, to frame: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { frame.append(contentsOf: $0) }
    }

    /// A release frame for `objectIDs` (no pickle: built without the GIL).
    static func release(_ objectIDs: [UInt64]) -> [UInt8] {
        var payload: [UInt8] = []
        payload.reserveCapacity(objectIDs.count * 8)
        for id in objectIDs { append(id, to: &payload) }
        return request(callID: 0, kind: .release, payload: payload)
    }
}

/// One response read from a worker.
struct ResponseFrame: Sendable {
    var callID: UInt64
    var status: Frame.Status
    var payload: [UInt8]
    /// The worker that answered, and which of its processes: set by the pool before the caller gets the frame.
    var worker = WorkerID(-1)
    var generation = 0

    init(callID: UInt64, status: Frame.Status, payload: [UInt8]) {
        self.callID = callID
        self.status = status
        self.payload = payload
    }

    /// The object id and type name of a ``Frame/Status/handle`` answer.
    var handle: (objectID: UInt64, typeName: String)? {
        guard status == .handle, payload.count >= 8 else { return nil }
        let id = payload.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) }
        return (id, String(decoding: payload[8...], as: UTF8.self))
    }
}

/// Splits the response byte stream into frames; anything malformed is a protocol violation.
struct FrameDecoder {
    private var buffer: [UInt8] = []
    private var start = 0

    /// Adds bytes read from the pipe.
    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        if start > 0 && start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// The next complete frame, or `nil` if more bytes are needed.
    /// - Throws: a description of the corruption (impossible length or status).
    mutating func next() throws(ProtocolViolation) -> ResponseFrame? {
        let available = buffer.count - start
        guard available >= 4 else { return nil }
        let length = buffer.withUnsafeBytes {
            Int(UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: start, as: UInt32.self)))
        }
        guard length >= 9, length <= Frame.maximumLength else {
            throw ProtocolViolation(detail: "a frame announced \(length) bytes")
        }
        guard available >= 4 + length else { return nil }
        let callID = buffer.withUnsafeBytes {
            UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: start + 4, as: UInt64.self))
        }
        guard let status = Frame.Status(rawValue: buffer[start + 12]) else {
            throw ProtocolViolation(detail: "a frame has the unknown status \(buffer[start + 12])")
        }
        let payload = Array(buffer[(start + Frame.headerSize)..<(start + 4 + length)])
        start += 4 + length
        if start > 1 << 20 {
            buffer.removeFirst(start)
            start = 0
        }
        return ResponseFrame(callID: callID, status: status, payload: payload)
    }

    /// Whether bytes of an unfinished frame are buffered.
    var hasPartialFrame: Bool { buffer.count > start }
}

/// The worker sent bytes that are not a valid frame.
struct ProtocolViolation: Error {
    var detail: String
}
