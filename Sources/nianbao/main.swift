import NianbaoCLI

NianbaoMain.exit(NianbaoMain.run(Array(CommandLine.arguments.dropFirst())))
