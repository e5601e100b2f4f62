module gotool.local/goparse

go 1.19
