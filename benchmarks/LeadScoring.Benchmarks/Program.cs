using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/LeadScoring.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
