import Testing

@testable import PythonWorkers

/// Whatever bytes a worker writes, the host's Swift decoders answer with a value or an error; they never trap.
@Suite("Malformed worker output: pickles and frames never trap")
struct MalformedFrameFuzzTests {
    /// SplitMix64: a fixed seed gives the same 100,000 inputs on every run, so a failure reproduces.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Valid native-list pickles of every element type, as the workers' `pickle.dumps(…, protocol=5)` writes
    /// them (the encoder writes the same opcodes), to mutate from.
    static let seeds: [[UInt8]] = [
        NativePickle.encodeMapRequest(module: "m", function: "f", items: ArraySlice([1, 300, 70_000, -5, Int.max]))!,
        NativePickle.encodeMapRequest(module: "m", function: "f", items: ArraySlice([1.5, -0.0, .infinity]))!,
        NativePickle.encodeMapRequest(
            module: "m", function: "f", items: ArraySlice(["a", String(repeating: "é", count: 300)]))!,
        NativePickle.encodeMapRequest(module: "m", function: "f", items: ArraySlice([true, false]))!,
        // A list with a memoized string fetched back (BINGET), and one with BINUNICODE8.
        [0x80, 5, 0x5D, 0x94, 0x28, 0x8C, 1, 0x61, 0x94, 0x68, 1, 0x65, 0x2E],
        [0x80, 5, 0x5D, 0x28, 0x8D, 2, 0, 0, 0, 0, 0, 0, 0, 0x68, 0x69, 0x65, 0x2E],
    ]

    /// Lengths that have trapped or could: huge 64-bit and 32-bit counts, counts that overflow an offset.
    static let hostileLengths: [[UInt8]] = [
        [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF], [0, 0, 0, 0, 0, 0, 0, 0x80],
        [0xF0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F], [0xFF, 0xFF, 0xFF, 0xFF], [0xFE, 0xFF, 0xFF, 0x7F],
    ]

    static func mutate(_ seed: [UInt8], using generator: inout SeededGenerator) -> [UInt8] {
        var bytes = seed
        switch Int.random(in: 0..<5, using: &generator) {
        case 0:  // flip bits
            for _ in 0..<Int.random(in: 1...4, using: &generator) where !bytes.isEmpty {
                bytes[Int.random(in: 0..<bytes.count, using: &generator)] ^= UInt8.random(
                    in: 1...255, using: &generator)
            }
        case 1:  // cut short
            bytes = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &generator)))
        case 2:  // a hostile length after a length-taking opcode
            let opcode: UInt8 = [0x8D, 0x58, 0x8C, 0x8A, 0x95, 0x6A].randomElement(using: &generator)!
            let length = hostileLengths.randomElement(using: &generator)!
            let at = Int.random(in: 0...bytes.count, using: &generator)
            bytes.insert(contentsOf: [opcode] + length, at: at)
        case 3:  // splice random bytes in
            let at = Int.random(in: 0...bytes.count, using: &generator)
            bytes.insert(
                contentsOf: (0..<Int.random(in: 1...16, using: &generator)).map { _ in
                    UInt8.random(in: 0...255, using: &generator)
                },
                at: at)
        default:  // entirely random
            bytes = (0..<Int.random(in: 0...64, using: &generator)).map { _ in
                UInt8.random(in: 0...255, using: &generator)
            }
        }
        return bytes
    }

    @Test func hostileLengthsAreRefusedNotTrapped() {
        for length in Self.hostileLengths where length.count == 8 {
            let payload: [UInt8] = [0x80, 5, 0x5D, 0x28, 0x8D] + length + [0x65, 0x2E]
            #expect(NativePickle.decodeList(payload, as: String.self) == nil)
        }
        for length in Self.hostileLengths where length.count == 4 {
            let payload: [UInt8] = [0x80, 5, 0x5D, 0x28, 0x58] + length + [0x65, 0x2E]
            #expect(NativePickle.decodeList(payload, as: String.self) == nil)
        }
        #expect(NativePickle.decodeList([0x80, 5, 0x95] + Self.hostileLengths[0], as: Int.self) == nil)
        // The valid seeds still decode.
        #expect(NativePickle.decodeList(Self.seeds[0], as: Int.self) == nil)  // a map request is not a list
        #expect(NativePickle.decodeList(Self.seeds[5], as: String.self) == ["hi"])
    }

    @Test func oneHundredThousandRandomAndMutatedPicklesDecodeOrAreRefused() {
        var generator = SeededGenerator(state: 0x5EED)
        var decoded = 0
        for index in 0..<100_000 {
            let seed = Self.seeds[index % Self.seeds.count]
            let payload = Self.mutate(seed, using: &generator)
            let results: [Bool] = [
                NativePickle.decodeList(payload, as: Int.self) != nil,
                NativePickle.decodeList(payload, as: Double.self) != nil,
                NativePickle.decodeList(payload, as: String.self) != nil,
                NativePickle.decodeList(payload, as: Bool.self) != nil,
            ]
            decoded += results.filter { $0 }.count
        }
        // Some mutations stay valid lists (a flipped digit); most are refused. Reaching here means none trapped.
        #expect(decoded > 0)
    }

    @Test func randomFrameStreamsGiveFramesOrAViolation() {
        var generator = SeededGenerator(state: 0xF4A3E)
        var frames = 0
        var violations = 0
        for _ in 0..<20_000 {
            var decoder = FrameDecoder()
            var stream: [UInt8] = []
            // A valid frame, then noise or a frame with a hostile length or status.
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                let payload = (0..<Int.random(in: 0...20, using: &generator)).map { _ in
                    UInt8.random(in: 0...255, using: &generator)
                }
                var frame = Frame.request(callID: generator.next(), kind: .call, payload: payload)
                if Bool.random(using: &generator) { frame[12] = UInt8.random(in: 0...255, using: &generator) }
                if Int.random(in: 0..<4, using: &generator) == 0 {
                    frame.replaceSubrange(0..<4, with: Self.hostileLengths.randomElement(using: &generator)!.prefix(4))
                }
                stream += frame
            }
            stream += (0..<Int.random(in: 0...8, using: &generator)).map { _ in
                UInt8.random(in: 0...255, using: &generator)
            }
            // Fed in random pieces, as pipe reads deliver them.
            var offset = 0
            do {
                while offset < stream.count {
                    let piece = min(stream.count - offset, Int.random(in: 1...32, using: &generator))
                    stream[offset..<(offset + piece)].withUnsafeBytes { decoder.append($0) }
                    offset += piece
                    while try decoder.next() != nil { frames += 1 }
                }
            } catch {
                violations += 1
            }
        }
        #expect(frames > 0)
        #expect(violations > 0)
    }

    @Test func requestsTooLargeForAFrameAreRefusedBeforeFraming() {
        #expect(throws: WorkerError.self) { try Frame.checkRequestSize(Int(UInt32.max), call: "m.f") }
        #expect(throws: WorkerError.self) { try Frame.checkRequestSize(Int(UInt32.max) - 8, call: "m.f") }
        #expect(throws: Never.self) { try Frame.checkRequestSize(Frame.maximumRequestPayload, call: "m.f") }
        do {
            try Frame.checkRequestSize(5 << 30, call: "m.f")
        } catch {
            #expect(error.code == .payloadTooLarge)
            #expect(
                error.message.contains("m.f") && error.message.contains("4 GiB")
                    && error.message.contains("nothing was sent"))
        }
    }
}
