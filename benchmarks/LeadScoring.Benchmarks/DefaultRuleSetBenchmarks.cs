using BenchmarkDotNet.Attributes;
using LeadScoring.Benchmarks.Baselines;

namespace LeadScoring.Benchmarks;

/// <summary>
/// The engine against hand-written C# for the built-in rule set: 1,000 synthetic leads averaging 40 activities,
/// scored in a batch (per-lead figures: OperationsPerInvoke). The baseline is what a host writes instead of taking a
/// dependency: a scorer over its own typed objects (<see cref="CrmLead"/>, activity types an enum); then the same
/// by hand over <see cref="Lead"/>, the engine over <see cref="Lead"/>, the engine bound to the host's objects
/// (<see cref="ScoringModel.Bind{TLead}"/>), and RulesEngine. All are checked to agree before timing.
/// </summary>
[MemoryDiagnoser]
public class DefaultRuleSetBenchmarks
{
    private const int LeadCount = 1_000;
    private ScoringModel _model = null!;
    private Lead[] _leads = null!;
    private LeadScore[] _results = null!;
    private RulesEngineDefaultScorer _rulesEngine = null!;
    private CrmLead[] _crm = null!;
    private LeadBinding<CrmLead> _bound = null!;

    [GlobalSetup]
    public void Setup()
    {
        _model = ScoringModel.Default;
        _leads = SyntheticLeads.Create(LeadCount, 40);
        _results = new LeadScore[LeadCount];
        BaselineResult.Verify("hand-written", _model, _leads, SyntheticLeads.AsOf, l => HandWrittenDefaultScorer.Score(l, SyntheticLeads.AsOf));
        _crm = [.. _leads.Select(CrmLead.From)];
        var crmById = _crm.ToDictionary(c => c.Id);
        BaselineResult.Verify("typed hand-written", _model, _leads, SyntheticLeads.AsOf, l => HandWrittenDefaultScorer.Score(crmById[l.Id], SyntheticLeads.AsOf));
        _bound = _model.Bind<CrmLead>(b => b
            .Text("email", c => c.Email).Text("jobTitle", c => c.JobTitle).Text("industry", c => c.Industry)
            .Number("employees", c => c.Employees).Number("annualRevenue", c => c.AnnualRevenue).Number("purchaseTimelineDays", c => c.PurchaseTimelineDays)
            .Boolean("hasAuthority", c => c.HasAuthority).Boolean("isCompetitor", c => c.IsCompetitor).Boolean("isStudent", c => c.IsStudent)
            .Boolean("budgetConfirmed", c => c.BudgetConfirmed).Boolean("needIdentified", c => c.NeedIdentified)
            .Activities(c => c.Events, e => e.Type, CrmLead.TypeName, e => e.At, e => e.Tag));
        BaselineResult.Verify("bound engine", _model, _leads, SyntheticLeads.AsOf, l => BaselineResult.From(_bound.Score(crmById[l.Id], SyntheticLeads.AsOf)));
        _rulesEngine = new RulesEngineDefaultScorer();
        BaselineResult.Verify("RulesEngine", _model, _leads, SyntheticLeads.AsOf, l => _rulesEngine.Score(l, SyntheticLeads.AsOf));
    }

    // The loops below are written out on purpose: a shared helper taking a delegate would add an
    // indirect call per lead to every contender and blur the comparison.
    [Benchmark(Baseline = true, OperationsPerInvoke = LeadCount)]
    public double HandWrittenTyped()
    {
        double sum = 0;
        foreach (var lead in _crm)
        {
            sum += HandWrittenDefaultScorer.Score(lead, SyntheticLeads.AsOf).Score;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = LeadCount)]
    public double HandWritten()
    {
        double sum = 0;
        foreach (var lead in _leads)
        {
            sum += HandWrittenDefaultScorer.Score(lead, SyntheticLeads.AsOf).Score;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = LeadCount)]
    public double Engine()
    {
        double sum = 0;
        foreach (var lead in _leads)
        {
            sum += _model.Score(lead, SyntheticLeads.AsOf).Score;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = LeadCount)]
    public double EngineBound()
    {
        double sum = 0;
        foreach (var lead in _crm)
        {
            sum += _bound.Score(lead, SyntheticLeads.AsOf).Score;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = LeadCount)]
    public double RulesEngine()
    {
        double sum = 0;
        foreach (var lead in _leads)
        {
            sum += _rulesEngine.Score(lead, SyntheticLeads.AsOf).Score;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = LeadCount)]
    public void EngineBatch() => _model.ScoreBatch(_leads, SyntheticLeads.AsOf, _results);
}
