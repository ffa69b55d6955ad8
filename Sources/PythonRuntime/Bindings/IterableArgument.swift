/// A value for a Python parameter that iterates its argument as items of type `Item` (`Iterable[T]`,
/// `Sequence[T]`): a Swift array of the items, or — where the items are text — a `String`, since Python
/// iterates a `str` as its one-character strings.
///
/// Generated members of generic classes take `some IterableArgument<T>`, so both calls compile:
///
/// ```swift
/// let letters = try PyCollections.Counter("abracadabra")      // Counter<String>
/// let numbers = try PyCollections.Counter([1, 2, 2, 3])        // Counter<Int>
/// ```
public protocol IterableArgument<Item>: ConvertibleToPython {
    /// The type of the items Python iterates.
    associatedtype Item
}

extension Array: IterableArgument where Element: ConvertibleToPython {
    /// An array's items are its elements.
    public typealias Item = Element
}

extension String: IterableArgument {
    /// A `str` iterates as its characters, each a `str`.
    public typealias Item = String
}
