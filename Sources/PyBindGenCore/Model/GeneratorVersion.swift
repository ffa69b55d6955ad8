/// The version of pybindgen written into every generated file.
public enum GeneratorVersion {
    public static let current = "0.1.0"
    /// The version of the runtime support generated code needs: every generated file declares a type conforming
    /// to `PythonRuntime.PyBindGenGeneratedCodeVersion<N>`, so a file generated for another runtime fails to
    /// compile with that name in the error. Raised when generated code needs runtime API an older runtime lacks.
    public static let generatedCode = 1
}
