/// A Swift scalar whose values can be copied to and from a Python buffer (PEP 3118) byte for byte: `Double` is a
/// buffer of format `d` (NumPy's `float64`), `UInt8` of `B`, and so on.
public protocol PythonBufferElement: BitwiseCopyable {
    /// The `struct` format codes of native-size items of this type (`Int` is `l` or `q` on 64-bit Linux).
    static var bufferFormats: Set<String> { get }
    /// The NumPy dtype name of this type, used when making an `ndarray` from Swift values.
    static var numpyTypeName: String { get }
}

extension Double: PythonBufferElement {
    public static var bufferFormats: Set<String> { ["d"] }
    public static var numpyTypeName: String { "float64" }
}

extension Float: PythonBufferElement {
    public static var bufferFormats: Set<String> { ["f"] }
    public static var numpyTypeName: String { "float32" }
}

extension Int: PythonBufferElement {
    public static var bufferFormats: Set<String> { MemoryLayout<Int>.size == 8 ? ["l", "q"] : ["i", "l"] }
    public static var numpyTypeName: String { MemoryLayout<Int>.size == 8 ? "int64" : "int32" }
}

extension Int64: PythonBufferElement {
    public static var bufferFormats: Set<String> { ["q", "l"] }
    public static var numpyTypeName: String { "int64" }
}

extension Int32: PythonBufferElement {
    public static var bufferFormats: Set<String> { ["i"] }
    public static var numpyTypeName: String { "int32" }
}

extension UInt8: PythonBufferElement {
    public static var bufferFormats: Set<String> { ["B"] }
    public static var numpyTypeName: String { "uint8" }
}

extension Bool: PythonBufferElement {
    public static var bufferFormats: Set<String> { ["?"] }
    public static var numpyTypeName: String { "bool" }
}
