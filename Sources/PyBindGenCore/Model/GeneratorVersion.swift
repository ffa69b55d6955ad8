/// The version of pybindgen written into every generated file.
public enum GeneratorVersion {
    public static let current = "0.1.0"
}
