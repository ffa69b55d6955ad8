/// The version of generated code this runtime supports. Every file pybindgen generates declares a private type
/// conforming to it (`private struct _GeneratedWithPyBindGenVersion1: PyBindGenGeneratedCodeVersion1 {}`):
/// bindings generated for a runtime that no longer offers their version fail to compile naming it, instead of
/// failing on some missing member far inside the file. Regenerate them with the pybindgen of this runtime.
public protocol PyBindGenGeneratedCodeVersion1 {}
