#if canImport(Glibc)
    import Glibc
#endif

// senguide: cited answers from the SEN Support guidance. Each command lives in its own file;
// this file only dispatches and turns errors into one line and an exit status.
let arguments = Array(CommandLine.arguments.dropFirst())
exit(CommandLineTool.run(arguments))
