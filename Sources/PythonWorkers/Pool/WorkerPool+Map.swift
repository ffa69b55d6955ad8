import PythonRuntime

extension WorkerPool {
    /// Scatter/gather: applies `module.function` to every input on the workers and returns the results in
    /// input order.
    ///
    /// Inputs are sent in chunks (one request per chunk, each input passed as the single positional argument),
    /// and at most `maxChunksInFlight` chunks are outstanding at once, so memory stays bounded for long inputs.
    /// - Parameters:
    ///   - module: The module to import in the worker.
    ///   - function: The function's qualified name in the module.
    ///   - inputs: The inputs, each passed as the single positional argument of one call.
    ///   - chunkSize: Inputs per request; by default about an eighth of the inputs per worker, at most 4,096.
    ///   - maxChunksInFlight: Outstanding chunks; by default twice the pool's call capacity.
    ///   - timeout: The deadline of each chunk, counted from when the chunk starts running in its worker (the time
    ///     it waits in the host or behind another chunk does not count), unlike `call`
    ///     whose deadline counts from the call.
    /// - Throws: the first failing chunk's error (other chunks are cancelled).
    public func map<Input: ConvertibleToPython & Sendable, Output: ConvertibleFromPython & Sendable>(
        _ module: String, _ function: String, _ inputs: [Input], chunkSize: Int? = nil,
        maxChunksInFlight: Int? = nil, timeout: Duration? = nil
    ) async throws -> [Output] {
        guard !inputs.isEmpty else { return [] }
        let workerCount = max(workers.count, 1)
        let size = chunkSize ?? min(4_096, max(1, inputs.count / (workerCount * 8)))
        guard size >= 1 else { throw WorkerError(.invalidArgument, "chunkSize must be at least 1") }
        let window = maxChunksInFlight ?? max(2, 2 * workerCount * configuration.callsPerWorker)
        guard window >= 1 else { throw WorkerError(.invalidArgument, "maxChunksInFlight must be at least 1") }
        let name = "\(module).\(function)"
        let chunks = stride(from: 0, to: inputs.count, by: size).map { $0..<min($0 + size, inputs.count) }

        return try await withThrowingTaskGroup(of: (Int, [Output]).self) { group in
            var results = [[Output]?](repeating: nil, count: chunks.count)
            var next = 0
            func submitNext() {
                let index = next
                let range = chunks[index]
                next += 1
                group.addTask { [core] in
                    let payload =
                        try NativePickle.encodeMapRequest(module: module, function: function, items: inputs[range])
                        ?? PickleCodec.encodeMap(module: module, function: function, items: inputs[range])
                    let frame = try await core.submit(
                        kind: .map, payload: payload, name: name, timeout: timeout, timeoutCountsRunningOnly: true)
                    let outputs: [Output] =
                        try frame.status == .result
                        ? NativePickle.decodeList(frame.payload, as: Output.self) ?? self.decode(frame, name: name)
                        : self.decode(frame, name: name)
                    guard outputs.count == range.count else {
                        throw WorkerError(
                            .protocolViolation, "\(name): a chunk of \(range.count) gave \(outputs.count) results")
                    }
                    return (index, outputs)
                }
            }
            try await startIfNeededForMap()
            while next < min(window, chunks.count) { submitNext() }
            while let (index, outputs) = try await group.next() {
                results[index] = outputs
                if next < chunks.count { submitNext() }
            }
            var all: [Output] = []
            all.reserveCapacity(inputs.count)
            for chunk in results { all.append(contentsOf: chunk!) }
            return all
        }
    }

    private func startIfNeededForMap() async throws {
        if core.isCreated { try await core.start() }
    }
}
