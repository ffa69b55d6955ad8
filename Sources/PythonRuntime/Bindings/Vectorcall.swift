import CPython

/// Vectorcalls on a raw callable with arguments converted on the stack. Callers hold the GIL; results are new
/// references.
@usableFromInline
enum Vectorcall {
    @inlinable
    static func call(_ callable: PyObjectPointer) throws(PythonError) -> PyObjectPointer {
        guard let result = pyshim_Vectorcall(callable, nil, 0, nil) else { throw PythonError.fetch() }
        return result
    }

    @inlinable
    static func call<First: ConvertibleToPython>(
        _ callable: PyObjectPointer, _ first: First
    ) throws(PythonError) -> PyObjectPointer {
        var argument: PyObjectPointer? = try first.pythonReference()
        let result = withUnsafePointer(to: &argument) { pyshim_Vectorcall(callable, $0, 1, nil) }
        pyshim_DecRef(argument.unsafelyUnwrapped)
        guard let result else { throw PythonError.fetch() }
        return result
    }

    @inlinable
    static func call<First: ConvertibleToPython, Second: ConvertibleToPython>(
        _ callable: PyObjectPointer, _ first: First, _ second: Second
    ) throws(PythonError) -> PyObjectPointer {
        let firstReference = try first.pythonReference()
        let secondReference: PyObjectPointer
        do {
            secondReference = try second.pythonReference()
        } catch {
            pyshim_DecRef(firstReference)
            throw error
        }
        var arguments: (PyObjectPointer?, PyObjectPointer?) = (firstReference, secondReference)
        let result = withUnsafeMutableBytes(of: &arguments) {
            pyshim_Vectorcall(callable, $0.baseAddress!.assumingMemoryBound(to: PyObjectPointer?.self), 2, nil)
        }
        pyshim_DecRef(firstReference)
        pyshim_DecRef(secondReference)
        guard let result else { throw PythonError.fetch() }
        return result
    }
}
