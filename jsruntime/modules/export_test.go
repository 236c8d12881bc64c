package modules

// ESBuildVersion exposes esbuildVersion to the external tests.
const ESBuildVersion = esbuildVersion
