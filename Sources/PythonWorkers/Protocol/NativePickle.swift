/// Pickle encoding and decoding done in Swift for the hot path of `map`: lists of `Int`, `Double`, `String` or
/// `Bool` travel without building Python objects in the host (and without the GIL). Anything else, or any
/// pickle this subset does not cover, goes through the embedded interpreter's (restricted) unpickler instead.
/// Decoding never traps: whatever bytes a worker sends, the answer is a list or `nil`.
enum NativePickle {
    // Opcodes of pickle protocol 2+ (see CPython's Lib/pickle.py).
    private static let proto: UInt8 = 0x80
    private static let frame: UInt8 = 0x95
    private static let stop: UInt8 = 0x2e
    private static let mark: UInt8 = 0x28
    private static let emptyList: UInt8 = 0x5d
    private static let append: UInt8 = 0x61
    private static let appends: UInt8 = 0x65
    private static let tuple3: UInt8 = 0x87
    private static let memoize: UInt8 = 0x94
    private static let binGet: UInt8 = 0x68
    private static let longBinGet: UInt8 = 0x6a
    private static let binInt: UInt8 = 0x4a
    private static let binInt1: UInt8 = 0x4b
    private static let binInt2: UInt8 = 0x4d
    private static let long1: UInt8 = 0x8a
    private static let binFloat: UInt8 = 0x47
    private static let shortBinUnicode: UInt8 = 0x8c
    private static let binUnicode: UInt8 = 0x58
    private static let binUnicode8: UInt8 = 0x8d
    private static let newTrue: UInt8 = 0x88
    private static let newFalse: UInt8 = 0x89

    // MARK: Encoding

    /// `(module, qualname, [items…])` as a pickle, or `nil` if `Input` is not one of the native types.
    static func encodeMapRequest<Input>(module: String, function: String, items: ArraySlice<Input>) -> [UInt8]? {
        var bytes: [UInt8] = [proto, 5]
        bytes.reserveCapacity(16 + module.utf8.count + function.utf8.count + items.count * 5)
        appendString(module, to: &bytes)
        appendString(function, to: &bytes)
        bytes.append(emptyList)
        guard !items.isEmpty else {
            bytes += [tuple3, stop]
            return bytes
        }
        bytes.append(mark)
        if Input.self == Int.self {
            for value in unsafeBitCast(items, to: ArraySlice<Int>.self) { appendInt(value, to: &bytes) }
        } else if Input.self == Double.self {
            for value in unsafeBitCast(items, to: ArraySlice<Double>.self) {
                bytes.append(binFloat)
                withUnsafeBytes(of: value.bitPattern.bigEndian) { bytes.append(contentsOf: $0) }
            }
        } else if Input.self == String.self {
            for value in unsafeBitCast(items, to: ArraySlice<String>.self) { appendString(value, to: &bytes) }
        } else if Input.self == Bool.self {
            for value in unsafeBitCast(items, to: ArraySlice<Bool>.self) { bytes.append(value ? newTrue : newFalse) }
        } else {
            return nil
        }
        bytes += [appends, tuple3, stop]
        return bytes
    }

    private static func appendInt(_ value: Int, to bytes: inout [UInt8]) {
        if value >= 0 && value < 256 {
            bytes += [binInt1, UInt8(value)]
        } else if value >= 0 && value < 65536 {
            bytes += [binInt2, UInt8(value & 0xff), UInt8(value >> 8)]
        } else if let small = Int32(exactly: value) {
            bytes.append(binInt)
            withUnsafeBytes(of: small.littleEndian) { bytes.append(contentsOf: $0) }
        } else {
            // LONG1: the shortest little-endian two's complement.
            var digits: [UInt8] = []
            var rest = value
            repeat {
                digits.append(UInt8(truncatingIfNeeded: rest))
                rest >>= 8
            } while !((rest == 0 && digits.last! < 0x80) || (rest == -1 && digits.last! >= 0x80))
            bytes += [long1, UInt8(digits.count)] + digits
        }
    }

    private static func appendString(_ value: String, to bytes: inout [UInt8]) {
        let utf8 = value.utf8
        if utf8.count < 256 {
            bytes += [shortBinUnicode, UInt8(utf8.count)]
        } else {
            bytes.append(binUnicode)
            withUnsafeBytes(of: UInt32(utf8.count).littleEndian) { bytes.append(contentsOf: $0) }
        }
        bytes.append(contentsOf: utf8)
    }

    // MARK: Decoding

    /// The list a worker sent back, decoded in Swift when it is a flat list of `Output` (one of the native
    /// types); `nil` means "use Python's pickle".
    static func decodeList<Output>(_ payload: [UInt8], as type: Output.Type) -> [Output]? {
        if Output.self == Int.self {
            let ints = decode(payload) { value -> Int? in if case .int(let int) = value { int } else { nil } }
            return ints.map { unsafeBitCast($0, to: [Output].self) }
        }
        if Output.self == Double.self {
            let doubles = decode(payload) { value -> Double? in
                if case .double(let double) = value { double } else { nil }
            }
            return doubles.map { unsafeBitCast($0, to: [Output].self) }
        }
        if Output.self == String.self {
            let strings = decode(payload) { value -> String? in
                if case .string(let string) = value { string } else { nil }
            }
            return strings.map { unsafeBitCast($0, to: [Output].self) }
        }
        if Output.self == Bool.self {
            let bools = decode(payload) { value -> Bool? in if case .bool(let bool) = value { bool } else { nil } }
            return bools.map { unsafeBitCast($0, to: [Output].self) }
        }
        return nil
    }

    private enum Value {
        case int(Int), double(Double), string(String), bool(Bool)
    }

    private static func decode<Element>(_ payload: [UInt8], _ element: (Value) -> Element?) -> [Element]? {
        payload.withUnsafeBytes { buffer -> [Element]? in
            var reader = Reader(buffer: buffer)
            var result: [Element] = []
            var memo: [Value] = []
            var sawList = false
            var pendingValue: Value?
            while let opcode = reader.byte() {
                var value: Value?
                switch opcode {
                case proto: guard reader.skip(1) else { return nil }
                case frame: guard reader.skip(8) else { return nil }
                case emptyList:
                    guard !sawList else { return nil }
                    sawList = true
                    memo.append(.int(0))  // the list itself; never fetched back by a flat list
                case memoize:
                    if let pendingValue { memo.append(pendingValue) } else if !sawList { return nil }
                case mark, appends, append: break
                case stop: return sawList ? result : nil
                case binInt1:
                    guard let byte = reader.byte() else { return nil }
                    value = .int(Int(byte))
                case binInt2:
                    guard let number = reader.integer(UInt16.self) else { return nil }
                    value = .int(Int(number))
                case binInt:
                    guard let number = reader.integer(Int32.self) else { return nil }
                    value = .int(Int(number))
                case long1:
                    guard let count = reader.byte(), count <= 8, let digits = reader.bytes(Int(count)) else {
                        return nil
                    }
                    var number = 0
                    for (index, digit) in digits.enumerated() { number |= Int(digit) << (8 * index) }
                    if count > 0 && count < 8 && digits.last! >= 0x80 { number -= 1 << (8 * Int(count)) }
                    value = .int(number)
                case binFloat:
                    guard let bits = reader.integer(UInt64.self, bigEndian: true) else { return nil }
                    value = .double(Double(bitPattern: bits))
                case shortBinUnicode:
                    guard let count = reader.byte(), let string = reader.string(Int(count)) else { return nil }
                    value = .string(string)
                case binUnicode:
                    guard let count = reader.integer(UInt32.self), let string = reader.string(Int(count)) else {
                        return nil
                    }
                    value = .string(string)
                case binUnicode8:
                    // A length the payload cannot hold (up to 2^64 - 1) is refused before any arithmetic.
                    guard let count = reader.integer(UInt64.self).flatMap({ Int(exactly: $0) }),
                        let string = reader.string(count)
                    else { return nil }
                    value = .string(string)
                case newTrue: value = .bool(true)
                case newFalse: value = .bool(false)
                case binGet:
                    guard let index = reader.byte(), Int(index) < memo.count, Int(index) > 0 else { return nil }
                    value = memo[Int(index)]
                case longBinGet:
                    guard let index = reader.integer(UInt32.self), Int(index) < memo.count, index > 0 else {
                        return nil
                    }
                    value = memo[Int(index)]
                default: return nil
                }
                if let value {
                    guard sawList, let converted = element(value) else { return nil }
                    result.append(converted)
                    pendingValue = value
                } else if opcode != memoize {
                    pendingValue = nil
                }
            }
            return nil
        }
    }

    private struct Reader {
        let buffer: UnsafeRawBufferPointer
        var offset = 0

        mutating func byte() -> UInt8? {
            guard offset < buffer.count else { return nil }
            defer { offset += 1 }
            return buffer[offset]
        }

        // Lengths come from the worker: compared against what is left, never added to the offset first.
        mutating func skip(_ count: Int) -> Bool {
            guard count >= 0, count <= buffer.count - offset else { return false }
            offset += count
            return true
        }

        mutating func bytes(_ count: Int) -> UnsafeRawBufferPointer? {
            guard count >= 0, count <= buffer.count - offset else { return nil }
            defer { offset += count }
            return UnsafeRawBufferPointer(rebasing: buffer[offset..<(offset + count)])
        }

        mutating func integer<Value: FixedWidthInteger>(_ type: Value.Type, bigEndian: Bool = false) -> Value? {
            guard let raw = bytes(MemoryLayout<Value>.size) else { return nil }
            let value = raw.loadUnaligned(as: Value.self)
            return bigEndian ? Value(bigEndian: value) : Value(littleEndian: value)
        }

        mutating func string(_ count: Int) -> String? {
            guard let raw = bytes(count) else { return nil }
            return String(validating: raw, as: UTF8.self)
        }
    }
}
