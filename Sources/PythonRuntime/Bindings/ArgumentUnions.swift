// Written by scripts/generate-argument-unions; do not edit.

// The shared union protocols of generated parameters: a Python parameter typed `str | bytes` takes
// `some StringOrBytes` (or `(any StringOrBytes)?` when it may be omitted). Exactly the named types conform.

/// A value for a Python parameter that takes any of: `Swift.Bool`, `Swift.Int`.
public protocol BoolOrInt: ConvertibleToPython {}
extension Swift.Bool: BoolOrInt {}
extension Swift.Int: BoolOrInt {}

/// A value for a Python parameter that takes any of: `Swift.Bool`, `Swift.Double`.
public protocol BoolOrDouble: ConvertibleToPython {}
extension Swift.Bool: BoolOrDouble {}
extension Swift.Double: BoolOrDouble {}

/// A value for a Python parameter that takes any of: `Swift.Bool`, `Swift.String`.
public protocol BoolOrString: ConvertibleToPython {}
extension Swift.Bool: BoolOrString {}
extension Swift.String: BoolOrString {}

/// A value for a Python parameter that takes any of: `Swift.Bool`, `[Swift.UInt8]`.
public protocol BoolOrBytes: ConvertibleToPython {}
extension Swift.Bool: BoolOrBytes {}
extension Swift.Array: BoolOrBytes where Element == Swift.UInt8 {}

/// A value for a Python parameter that takes any of: `Swift.Bool`, `PythonObject`.
public protocol BoolOrPythonObject: ConvertibleToPython {}
extension Swift.Bool: BoolOrPythonObject {}
extension PythonObject: BoolOrPythonObject {}

/// A value for a Python parameter that takes any of: `Swift.Int`, `Swift.Double`.
public protocol IntOrDouble: ConvertibleToPython {}
extension Swift.Int: IntOrDouble {}
extension Swift.Double: IntOrDouble {}

/// A value for a Python parameter that takes any of: `Swift.Int`, `Swift.String`.
public protocol IntOrString: ConvertibleToPython {}
extension Swift.Int: IntOrString {}
extension Swift.String: IntOrString {}

/// A value for a Python parameter that takes any of: `Swift.Int`, `[Swift.UInt8]`.
public protocol IntOrBytes: ConvertibleToPython {}
extension Swift.Int: IntOrBytes {}
extension Swift.Array: IntOrBytes where Element == Swift.UInt8 {}

/// A value for a Python parameter that takes any of: `Swift.Int`, `PythonObject`.
public protocol IntOrPythonObject: ConvertibleToPython {}
extension Swift.Int: IntOrPythonObject {}
extension PythonObject: IntOrPythonObject {}

/// A value for a Python parameter that takes any of: `Swift.Double`, `Swift.String`.
public protocol DoubleOrString: ConvertibleToPython {}
extension Swift.Double: DoubleOrString {}
extension Swift.String: DoubleOrString {}

/// A value for a Python parameter that takes any of: `Swift.Double`, `[Swift.UInt8]`.
public protocol DoubleOrBytes: ConvertibleToPython {}
extension Swift.Double: DoubleOrBytes {}
extension Swift.Array: DoubleOrBytes where Element == Swift.UInt8 {}

/// A value for a Python parameter that takes any of: `Swift.Double`, `PythonObject`.
public protocol DoubleOrPythonObject: ConvertibleToPython {}
extension Swift.Double: DoubleOrPythonObject {}
extension PythonObject: DoubleOrPythonObject {}

/// A value for a Python parameter that takes any of: `Swift.String`, `[Swift.UInt8]`.
public protocol StringOrBytes: ConvertibleToPython {}
extension Swift.String: StringOrBytes {}
extension Swift.Array: StringOrBytes where Element == Swift.UInt8 {}

/// A value for a Python parameter that takes any of: `Swift.String`, `PythonObject`.
public protocol StringOrPythonObject: ConvertibleToPython {}
extension Swift.String: StringOrPythonObject {}
extension PythonObject: StringOrPythonObject {}

/// A value for a Python parameter that takes any of: `[Swift.UInt8]`, `PythonObject`.
public protocol BytesOrPythonObject: ConvertibleToPython {}
extension Swift.Array: BytesOrPythonObject where Element == Swift.UInt8 {}
extension PythonObject: BytesOrPythonObject {}

/// A value for a Python parameter that takes any of: `Swift.Bool`, `Swift.Int`, `Swift.Double`.
public protocol BoolOrIntOrDouble: ConvertibleToPython {}
extension Swift.Bool: BoolOrIntOrDouble {}
extension Swift.Int: BoolOrIntOrDouble {}
extension Swift.Double: BoolOrIntOrDouble {}

/// A value for a Python parameter that takes any of: `Swift.Bool`, `Swift.Int`, `Swift.String`.
public protocol BoolOrIntOrString: ConvertibleToPython {}
extension Swift.Bool: BoolOrIntOrString {}
extension Swift.Int: BoolOrIntOrString {}
extension Swift.String: BoolOrIntOrString {}

/// A value for a Python parameter that takes any of: `Swift.Bool`, `Swift.Int`, `[Swift.UInt8]`.
public protocol BoolOrIntOrBytes: ConvertibleToPython {}
extension Swift.Bool: BoolOrIntOrBytes {}
extension Swift.Int: BoolOrIntOrBytes {}
extension Swift.Array: BoolOrIntOrBytes where Element == Swift.UInt8 {}

/// A value for a Python parameter that takes any of: `Swift.Bool`, `Swift.Int`, `PythonObject`.
public protocol BoolOrIntOrPythonObject: ConvertibleToPython {}
extension Swift.Bool: BoolOrIntOrPythonObject {}
extension Swift.Int: BoolOrIntOrPythonObject {}
extension PythonObject: BoolOrIntOrPythonObject {}

/// A value for a Python parameter that takes any of: `Swift.Bool`, `Swift.Double`, `Swift.String`.
public protocol BoolOrDoubleOrString: ConvertibleToPython {}
extension Swift.Bool: BoolOrDoubleOrString {}
extension Swift.Double: BoolOrDoubleOrString {}
extension Swift.String: BoolOrDoubleOrString {}

/// A value for a Python parameter that takes any of: `Swift.Bool`, `Swift.Double`, `[Swift.UInt8]`.
public protocol BoolOrDoubleOrBytes: ConvertibleToPython {}
extension Swift.Bool: BoolOrDoubleOrBytes {}
extension Swift.Double: BoolOrDoubleOrBytes {}
extension Swift.Array: BoolOrDoubleOrBytes where Element == Swift.UInt8 {}

/// A value for a Python parameter that takes any of: `Swift.Bool`, `Swift.Double`, `PythonObject`.
public protocol BoolOrDoubleOrPythonObject: ConvertibleToPython {}
extension Swift.Bool: BoolOrDoubleOrPythonObject {}
extension Swift.Double: BoolOrDoubleOrPythonObject {}
extension PythonObject: BoolOrDoubleOrPythonObject {}

/// A value for a Python parameter that takes any of: `Swift.Bool`, `Swift.String`, `[Swift.UInt8]`.
public protocol BoolOrStringOrBytes: ConvertibleToPython {}
extension Swift.Bool: BoolOrStringOrBytes {}
extension Swift.String: BoolOrStringOrBytes {}
extension Swift.Array: BoolOrStringOrBytes where Element == Swift.UInt8 {}

/// A value for a Python parameter that takes any of: `Swift.Bool`, `Swift.String`, `PythonObject`.
public protocol BoolOrStringOrPythonObject: ConvertibleToPython {}
extension Swift.Bool: BoolOrStringOrPythonObject {}
extension Swift.String: BoolOrStringOrPythonObject {}
extension PythonObject: BoolOrStringOrPythonObject {}

/// A value for a Python parameter that takes any of: `Swift.Bool`, `[Swift.UInt8]`, `PythonObject`.
public protocol BoolOrBytesOrPythonObject: ConvertibleToPython {}
extension Swift.Bool: BoolOrBytesOrPythonObject {}
extension Swift.Array: BoolOrBytesOrPythonObject where Element == Swift.UInt8 {}
extension PythonObject: BoolOrBytesOrPythonObject {}

/// A value for a Python parameter that takes any of: `Swift.Int`, `Swift.Double`, `Swift.String`.
public protocol IntOrDoubleOrString: ConvertibleToPython {}
extension Swift.Int: IntOrDoubleOrString {}
extension Swift.Double: IntOrDoubleOrString {}
extension Swift.String: IntOrDoubleOrString {}

/// A value for a Python parameter that takes any of: `Swift.Int`, `Swift.Double`, `[Swift.UInt8]`.
public protocol IntOrDoubleOrBytes: ConvertibleToPython {}
extension Swift.Int: IntOrDoubleOrBytes {}
extension Swift.Double: IntOrDoubleOrBytes {}
extension Swift.Array: IntOrDoubleOrBytes where Element == Swift.UInt8 {}

/// A value for a Python parameter that takes any of: `Swift.Int`, `Swift.Double`, `PythonObject`.
public protocol IntOrDoubleOrPythonObject: ConvertibleToPython {}
extension Swift.Int: IntOrDoubleOrPythonObject {}
extension Swift.Double: IntOrDoubleOrPythonObject {}
extension PythonObject: IntOrDoubleOrPythonObject {}

/// A value for a Python parameter that takes any of: `Swift.Int`, `Swift.String`, `[Swift.UInt8]`.
public protocol IntOrStringOrBytes: ConvertibleToPython {}
extension Swift.Int: IntOrStringOrBytes {}
extension Swift.String: IntOrStringOrBytes {}
extension Swift.Array: IntOrStringOrBytes where Element == Swift.UInt8 {}

/// A value for a Python parameter that takes any of: `Swift.Int`, `Swift.String`, `PythonObject`.
public protocol IntOrStringOrPythonObject: ConvertibleToPython {}
extension Swift.Int: IntOrStringOrPythonObject {}
extension Swift.String: IntOrStringOrPythonObject {}
extension PythonObject: IntOrStringOrPythonObject {}

/// A value for a Python parameter that takes any of: `Swift.Int`, `[Swift.UInt8]`, `PythonObject`.
public protocol IntOrBytesOrPythonObject: ConvertibleToPython {}
extension Swift.Int: IntOrBytesOrPythonObject {}
extension Swift.Array: IntOrBytesOrPythonObject where Element == Swift.UInt8 {}
extension PythonObject: IntOrBytesOrPythonObject {}

/// A value for a Python parameter that takes any of: `Swift.Double`, `Swift.String`, `[Swift.UInt8]`.
public protocol DoubleOrStringOrBytes: ConvertibleToPython {}
extension Swift.Double: DoubleOrStringOrBytes {}
extension Swift.String: DoubleOrStringOrBytes {}
extension Swift.Array: DoubleOrStringOrBytes where Element == Swift.UInt8 {}

/// A value for a Python parameter that takes any of: `Swift.Double`, `Swift.String`, `PythonObject`.
public protocol DoubleOrStringOrPythonObject: ConvertibleToPython {}
extension Swift.Double: DoubleOrStringOrPythonObject {}
extension Swift.String: DoubleOrStringOrPythonObject {}
extension PythonObject: DoubleOrStringOrPythonObject {}

/// A value for a Python parameter that takes any of: `Swift.Double`, `[Swift.UInt8]`, `PythonObject`.
public protocol DoubleOrBytesOrPythonObject: ConvertibleToPython {}
extension Swift.Double: DoubleOrBytesOrPythonObject {}
extension Swift.Array: DoubleOrBytesOrPythonObject where Element == Swift.UInt8 {}
extension PythonObject: DoubleOrBytesOrPythonObject {}

/// A value for a Python parameter that takes any of: `Swift.String`, `[Swift.UInt8]`, `PythonObject`.
public protocol StringOrBytesOrPythonObject: ConvertibleToPython {}
extension Swift.String: StringOrBytesOrPythonObject {}
extension Swift.Array: StringOrBytesOrPythonObject where Element == Swift.UInt8 {}
extension PythonObject: StringOrBytesOrPythonObject {}

/// A value for a Python parameter that takes any of: `Swift.Bool`, `Swift.Int`, `Swift.Double`, `Swift.String`.
public protocol BoolOrIntOrDoubleOrString: ConvertibleToPython {}
extension Swift.Bool: BoolOrIntOrDoubleOrString {}
extension Swift.Int: BoolOrIntOrDoubleOrString {}
extension Swift.Double: BoolOrIntOrDoubleOrString {}
extension Swift.String: BoolOrIntOrDoubleOrString {}

/// A value for a Python parameter that takes any of: `Swift.Bool`, `Swift.Int`, `Swift.Double`, `[Swift.UInt8]`.
public protocol BoolOrIntOrDoubleOrBytes: ConvertibleToPython {}
extension Swift.Bool: BoolOrIntOrDoubleOrBytes {}
extension Swift.Int: BoolOrIntOrDoubleOrBytes {}
extension Swift.Double: BoolOrIntOrDoubleOrBytes {}
extension Swift.Array: BoolOrIntOrDoubleOrBytes where Element == Swift.UInt8 {}

/// A value for a Python parameter that takes any of: `Swift.Bool`, `Swift.Int`, `Swift.Double`, `PythonObject`.
public protocol BoolOrIntOrDoubleOrPythonObject: ConvertibleToPython {}
extension Swift.Bool: BoolOrIntOrDoubleOrPythonObject {}
extension Swift.Int: BoolOrIntOrDoubleOrPythonObject {}
extension Swift.Double: BoolOrIntOrDoubleOrPythonObject {}
extension PythonObject: BoolOrIntOrDoubleOrPythonObject {}

/// A value for a Python parameter that takes any of: `Swift.Bool`, `Swift.Int`, `Swift.String`, `[Swift.UInt8]`.
public protocol BoolOrIntOrStringOrBytes: ConvertibleToPython {}
extension Swift.Bool: BoolOrIntOrStringOrBytes {}
extension Swift.Int: BoolOrIntOrStringOrBytes {}
extension Swift.String: BoolOrIntOrStringOrBytes {}
extension Swift.Array: BoolOrIntOrStringOrBytes where Element == Swift.UInt8 {}

/// A value for a Python parameter that takes any of: `Swift.Bool`, `Swift.Int`, `Swift.String`, `PythonObject`.
public protocol BoolOrIntOrStringOrPythonObject: ConvertibleToPython {}
extension Swift.Bool: BoolOrIntOrStringOrPythonObject {}
extension Swift.Int: BoolOrIntOrStringOrPythonObject {}
extension Swift.String: BoolOrIntOrStringOrPythonObject {}
extension PythonObject: BoolOrIntOrStringOrPythonObject {}

/// A value for a Python parameter that takes any of: `Swift.Bool`, `Swift.Int`, `[Swift.UInt8]`, `PythonObject`.
public protocol BoolOrIntOrBytesOrPythonObject: ConvertibleToPython {}
extension Swift.Bool: BoolOrIntOrBytesOrPythonObject {}
extension Swift.Int: BoolOrIntOrBytesOrPythonObject {}
extension Swift.Array: BoolOrIntOrBytesOrPythonObject where Element == Swift.UInt8 {}
extension PythonObject: BoolOrIntOrBytesOrPythonObject {}

/// A value for a Python parameter that takes any of: `Swift.Bool`, `Swift.Double`, `Swift.String`, `[Swift.UInt8]`.
public protocol BoolOrDoubleOrStringOrBytes: ConvertibleToPython {}
extension Swift.Bool: BoolOrDoubleOrStringOrBytes {}
extension Swift.Double: BoolOrDoubleOrStringOrBytes {}
extension Swift.String: BoolOrDoubleOrStringOrBytes {}
extension Swift.Array: BoolOrDoubleOrStringOrBytes where Element == Swift.UInt8 {}

/// A value for a Python parameter that takes any of: `Swift.Bool`, `Swift.Double`, `Swift.String`, `PythonObject`.
public protocol BoolOrDoubleOrStringOrPythonObject: ConvertibleToPython {}
extension Swift.Bool: BoolOrDoubleOrStringOrPythonObject {}
extension Swift.Double: BoolOrDoubleOrStringOrPythonObject {}
extension Swift.String: BoolOrDoubleOrStringOrPythonObject {}
extension PythonObject: BoolOrDoubleOrStringOrPythonObject {}

/// A value for a Python parameter that takes any of: `Swift.Bool`, `Swift.Double`, `[Swift.UInt8]`, `PythonObject`.
public protocol BoolOrDoubleOrBytesOrPythonObject: ConvertibleToPython {}
extension Swift.Bool: BoolOrDoubleOrBytesOrPythonObject {}
extension Swift.Double: BoolOrDoubleOrBytesOrPythonObject {}
extension Swift.Array: BoolOrDoubleOrBytesOrPythonObject where Element == Swift.UInt8 {}
extension PythonObject: BoolOrDoubleOrBytesOrPythonObject {}

/// A value for a Python parameter that takes any of: `Swift.Bool`, `Swift.String`, `[Swift.UInt8]`, `PythonObject`.
public protocol BoolOrStringOrBytesOrPythonObject: ConvertibleToPython {}
extension Swift.Bool: BoolOrStringOrBytesOrPythonObject {}
extension Swift.String: BoolOrStringOrBytesOrPythonObject {}
extension Swift.Array: BoolOrStringOrBytesOrPythonObject where Element == Swift.UInt8 {}
extension PythonObject: BoolOrStringOrBytesOrPythonObject {}

/// A value for a Python parameter that takes any of: `Swift.Int`, `Swift.Double`, `Swift.String`, `[Swift.UInt8]`.
public protocol IntOrDoubleOrStringOrBytes: ConvertibleToPython {}
extension Swift.Int: IntOrDoubleOrStringOrBytes {}
extension Swift.Double: IntOrDoubleOrStringOrBytes {}
extension Swift.String: IntOrDoubleOrStringOrBytes {}
extension Swift.Array: IntOrDoubleOrStringOrBytes where Element == Swift.UInt8 {}

/// A value for a Python parameter that takes any of: `Swift.Int`, `Swift.Double`, `Swift.String`, `PythonObject`.
public protocol IntOrDoubleOrStringOrPythonObject: ConvertibleToPython {}
extension Swift.Int: IntOrDoubleOrStringOrPythonObject {}
extension Swift.Double: IntOrDoubleOrStringOrPythonObject {}
extension Swift.String: IntOrDoubleOrStringOrPythonObject {}
extension PythonObject: IntOrDoubleOrStringOrPythonObject {}

/// A value for a Python parameter that takes any of: `Swift.Int`, `Swift.Double`, `[Swift.UInt8]`, `PythonObject`.
public protocol IntOrDoubleOrBytesOrPythonObject: ConvertibleToPython {}
extension Swift.Int: IntOrDoubleOrBytesOrPythonObject {}
extension Swift.Double: IntOrDoubleOrBytesOrPythonObject {}
extension Swift.Array: IntOrDoubleOrBytesOrPythonObject where Element == Swift.UInt8 {}
extension PythonObject: IntOrDoubleOrBytesOrPythonObject {}

/// A value for a Python parameter that takes any of: `Swift.Int`, `Swift.String`, `[Swift.UInt8]`, `PythonObject`.
public protocol IntOrStringOrBytesOrPythonObject: ConvertibleToPython {}
extension Swift.Int: IntOrStringOrBytesOrPythonObject {}
extension Swift.String: IntOrStringOrBytesOrPythonObject {}
extension Swift.Array: IntOrStringOrBytesOrPythonObject where Element == Swift.UInt8 {}
extension PythonObject: IntOrStringOrBytesOrPythonObject {}

/// A value for a Python parameter that takes any of: `Swift.Double`, `Swift.String`, `[Swift.UInt8]`, `PythonObject`.
public protocol DoubleOrStringOrBytesOrPythonObject: ConvertibleToPython {}
extension Swift.Double: DoubleOrStringOrBytesOrPythonObject {}
extension Swift.String: DoubleOrStringOrBytesOrPythonObject {}
extension Swift.Array: DoubleOrStringOrBytesOrPythonObject where Element == Swift.UInt8 {}
extension PythonObject: DoubleOrStringOrBytesOrPythonObject {}

/// A value for a Python parameter that takes any of: `Swift.Bool`, `Swift.Int`, `Swift.Double`, `Swift.String`, `[Swift.UInt8]`.
public protocol BoolOrIntOrDoubleOrStringOrBytes: ConvertibleToPython {}
extension Swift.Bool: BoolOrIntOrDoubleOrStringOrBytes {}
extension Swift.Int: BoolOrIntOrDoubleOrStringOrBytes {}
extension Swift.Double: BoolOrIntOrDoubleOrStringOrBytes {}
extension Swift.String: BoolOrIntOrDoubleOrStringOrBytes {}
extension Swift.Array: BoolOrIntOrDoubleOrStringOrBytes where Element == Swift.UInt8 {}

/// A value for a Python parameter that takes any of: `Swift.Bool`, `Swift.Int`, `Swift.Double`, `Swift.String`, `PythonObject`.
public protocol BoolOrIntOrDoubleOrStringOrPythonObject: ConvertibleToPython {}
extension Swift.Bool: BoolOrIntOrDoubleOrStringOrPythonObject {}
extension Swift.Int: BoolOrIntOrDoubleOrStringOrPythonObject {}
extension Swift.Double: BoolOrIntOrDoubleOrStringOrPythonObject {}
extension Swift.String: BoolOrIntOrDoubleOrStringOrPythonObject {}
extension PythonObject: BoolOrIntOrDoubleOrStringOrPythonObject {}

/// A value for a Python parameter that takes any of: `Swift.Bool`, `Swift.Int`, `Swift.Double`, `[Swift.UInt8]`, `PythonObject`.
public protocol BoolOrIntOrDoubleOrBytesOrPythonObject: ConvertibleToPython {}
extension Swift.Bool: BoolOrIntOrDoubleOrBytesOrPythonObject {}
extension Swift.Int: BoolOrIntOrDoubleOrBytesOrPythonObject {}
extension Swift.Double: BoolOrIntOrDoubleOrBytesOrPythonObject {}
extension Swift.Array: BoolOrIntOrDoubleOrBytesOrPythonObject where Element == Swift.UInt8 {}
extension PythonObject: BoolOrIntOrDoubleOrBytesOrPythonObject {}

/// A value for a Python parameter that takes any of: `Swift.Bool`, `Swift.Int`, `Swift.String`, `[Swift.UInt8]`, `PythonObject`.
public protocol BoolOrIntOrStringOrBytesOrPythonObject: ConvertibleToPython {}
extension Swift.Bool: BoolOrIntOrStringOrBytesOrPythonObject {}
extension Swift.Int: BoolOrIntOrStringOrBytesOrPythonObject {}
extension Swift.String: BoolOrIntOrStringOrBytesOrPythonObject {}
extension Swift.Array: BoolOrIntOrStringOrBytesOrPythonObject where Element == Swift.UInt8 {}
extension PythonObject: BoolOrIntOrStringOrBytesOrPythonObject {}

/// A value for a Python parameter that takes any of: `Swift.Bool`, `Swift.Double`, `Swift.String`, `[Swift.UInt8]`, `PythonObject`.
public protocol BoolOrDoubleOrStringOrBytesOrPythonObject: ConvertibleToPython {}
extension Swift.Bool: BoolOrDoubleOrStringOrBytesOrPythonObject {}
extension Swift.Double: BoolOrDoubleOrStringOrBytesOrPythonObject {}
extension Swift.String: BoolOrDoubleOrStringOrBytesOrPythonObject {}
extension Swift.Array: BoolOrDoubleOrStringOrBytesOrPythonObject where Element == Swift.UInt8 {}
extension PythonObject: BoolOrDoubleOrStringOrBytesOrPythonObject {}

/// A value for a Python parameter that takes any of: `Swift.Int`, `Swift.Double`, `Swift.String`, `[Swift.UInt8]`, `PythonObject`.
public protocol IntOrDoubleOrStringOrBytesOrPythonObject: ConvertibleToPython {}
extension Swift.Int: IntOrDoubleOrStringOrBytesOrPythonObject {}
extension Swift.Double: IntOrDoubleOrStringOrBytesOrPythonObject {}
extension Swift.String: IntOrDoubleOrStringOrBytesOrPythonObject {}
extension Swift.Array: IntOrDoubleOrStringOrBytesOrPythonObject where Element == Swift.UInt8 {}
extension PythonObject: IntOrDoubleOrStringOrBytesOrPythonObject {}

/// A value for a Python parameter that takes any of: `Swift.Bool`, `Swift.Int`, `Swift.Double`, `Swift.String`, `[Swift.UInt8]`, `PythonObject`.
public protocol BoolOrIntOrDoubleOrStringOrBytesOrPythonObject: ConvertibleToPython {}
extension Swift.Bool: BoolOrIntOrDoubleOrStringOrBytesOrPythonObject {}
extension Swift.Int: BoolOrIntOrDoubleOrStringOrBytesOrPythonObject {}
extension Swift.Double: BoolOrIntOrDoubleOrStringOrBytesOrPythonObject {}
extension Swift.String: BoolOrIntOrDoubleOrStringOrBytesOrPythonObject {}
extension Swift.Array: BoolOrIntOrDoubleOrStringOrBytesOrPythonObject where Element == Swift.UInt8 {}
extension PythonObject: BoolOrIntOrDoubleOrStringOrBytesOrPythonObject {}
