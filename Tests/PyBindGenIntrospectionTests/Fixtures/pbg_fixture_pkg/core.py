class Hidden:
    """Defined here, exported by no module of the package."""

    def __init__(self, value: int) -> None:
        self.value = value

    def double(self) -> int:
        return self.value * 2
