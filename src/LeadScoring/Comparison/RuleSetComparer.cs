using LeadScoring.Calibration;
using LeadScoring.Funnel;
using LeadScoring.Leads;
using LeadScoring.Scoring;

namespace LeadScoring.Comparison;

/// <summary>
/// One pass over the leads, scoring each with both rule sets and keeping only running totals, plus two scores and
/// an outcome per decided lead for the AUCs.
/// </summary>
internal sealed class RuleSetComparer
{
    /// <summary>A score that moved by no more than this did not change.</summary>
    private const double Tolerance = 1e-9;

    private readonly Side _old;
    private readonly Side _new;
    private readonly int[,] _transitions;
    private readonly List<double> _decidedOld = [];
    private readonly List<double> _decidedNew = [];
    private readonly List<bool> _decidedWon = [];
    private int _leads;
    private int _stageChanged;
    private int _gradeChanged;
    private double _sumOld;
    private double _sumNew;
    private double _sumDelta;
    private int _increased;
    private int _decreased;
    private double _maxIncrease;
    private double _maxDecrease;

    private RuleSetComparer(ScoringModel current, ScoringModel candidate)
    {
        _old = new Side(current.Compiled);
        _new = new Side(candidate.Compiled);
        _transitions = new int[_old.StageCodes, _new.StageCodes];
    }

    public static ComparisonReport Compare(ScoringModel current, ScoringModel candidate, IEnumerable<Lead> leads, DateTimeOffset asOf, double leadTimeDays, Action<LeadChange>? onChange)
    {
        var comparer = new RuleSetComparer(current, candidate);
        long ticks = asOf.UtcTicks;
        foreach (var lead in leads)
        {
            ArgumentNullException.ThrowIfNull(lead, nameof(leads));
            comparer.Add(lead, ticks, leadTimeDays, onChange);
        }

        return comparer.Report();
    }

    private void Add(Lead lead, long asOfTicks, double leadTimeDays, Action<LeadChange>? onChange)
    {
        var old = _old.Score(lead, asOfTicks, count: true);
        var @new = _new.Score(lead, asOfTicks, count: true);
        _leads++;
        _transitions[_old.StageCode(old), _new.StageCode(@new)]++;
        bool stageChanged = !string.Equals(old.Stage, @new.Stage, StringComparison.Ordinal);
        bool gradeChanged = !string.Equals(old.Grade, @new.Grade, StringComparison.Ordinal);
        _stageChanged += stageChanged ? 1 : 0;
        _gradeChanged += gradeChanged ? 1 : 0;

        double delta = @new.Score - old.Score;
        _sumOld += old.Score;
        _sumNew += @new.Score;
        _sumDelta += delta;
        if (delta > Tolerance)
        {
            _maxIncrease = _increased++ == 0 ? delta : Math.Max(_maxIncrease, delta);
        }
        else if (delta < -Tolerance)
        {
            _maxDecrease = _decreased++ == 0 ? delta : Math.Min(_maxDecrease, delta);
        }

        if (onChange is not null && (stageChanged || gradeChanged || Math.Abs(delta) > Tolerance))
        {
            onChange(new LeadChange(lead.Id, old, @new));
        }

        if (lead.Outcome is { } outcome)
        {
            long instant = LeadTime.ScoringInstant(outcome, leadTimeDays);
            _decidedOld.Add(_old.Score(lead, instant, count: false).Score);
            _decidedNew.Add(_new.Score(lead, instant, count: false).Score);
            _decidedWon.Add(outcome.IsWon);
        }
    }

    private ComparisonReport Report()
    {
        var transitions = new List<StageTransition>();
        for (int from = 0; from < _old.StageCodes; from++)
        {
            for (int to = 0; to < _new.StageCodes; to++)
            {
                if (_transitions[from, to] > 0)
                {
                    transitions.Add(new StageTransition(_old.StageName(from), _new.StageName(to), _transitions[from, to]));
                }
            }
        }

        double Mean(double sum) => _leads == 0 ? 0 : sum / _leads;
        var score = new ScoreShift(
            Mean(_sumOld), Mean(_sumNew), Mean(_sumDelta), _increased, _decreased, _leads - _increased - _decreased, _maxIncrease, _maxDecrease);

        OutcomeComparison? outcomes = null;
        if (_decidedWon.Count > 0)
        {
            var won = _decidedWon.ToArray();
            int wonCount = won.Count(w => w);
            outcomes = new OutcomeComparison(wonCount, won.Length - wonCount, Ranking.Auc(_decidedOld.ToArray(), won), Ranking.Auc(_decidedNew.ToArray(), won));
        }

        return new ComparisonReport(_leads, _stageChanged, _gradeChanged, transitions, score, RuleRows(), outcomes);
    }

    /// <summary>The old rule set's ids in order, then the candidate's other ids in order, then inactivity when either has it.</summary>
    private List<RuleShift> RuleRows()
    {
        var rows = new List<RuleShift>();
        foreach (string id in _old.RuleIds.Concat(_new.RuleIds.Where(id => _old.IndexOf(id) < 0)))
        {
            rows.Add(new RuleShift(id, _old.Usage(_old.IndexOf(id), _leads), _new.Usage(_new.IndexOf(id), _leads)));
        }

        if (_old.Rules.Inactivity.IsDefined || _new.Rules.Inactivity.IsDefined)
        {
            rows.Add(new RuleShift(InactivityPenalty.Id, _old.InactivityUsage(_leads), _new.InactivityUsage(_leads)));
        }

        return rows;
    }

    /// <summary>One rule set's side: its trace, and each rule's fires and summed contribution (rules, then inactivity).</summary>
    private sealed class Side(CompiledRuleSet rules)
    {
        private readonly EvaluationTrace _trace = new(rules.RuleCount);
        private readonly int[] _fires = new int[rules.RuleCount + 1];
        private readonly double[] _sums = new double[rules.RuleCount + 1];
        private readonly Dictionary<string, int> _index = rules.Rules.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);

        public CompiledRuleSet Rules => rules;

        public IEnumerable<string> RuleIds => rules.Rules.Select(r => r.Id);

        /// <summary>Stage codes: the stages, then no stage, then Disqualified.</summary>
        public int StageCodes => rules.StageNames.Count + 2;

        public int IndexOf(string id) => _index.TryGetValue(id, out int i) ? i : -1;

        public LeadScore Score(Lead lead, long ticks, bool count)
        {
            var result = rules.Score(lead.Attributes, lead.Activities, ticks, _trace);
            if (count)
            {
                for (int r = 0; r < _sums.Length; r++)
                {
                    double contribution = _trace.Contributions[r];
                    _fires[r] += contribution != 0 ? 1 : 0;
                    _sums[r] += contribution;
                }
            }

            return result;
        }

        public int StageCode(in LeadScore score) =>
            score.IsDisqualified ? StageCodes - 1 : score.Stage is null ? StageCodes - 2 : _trace.StageIndex;

        public string? StageName(int code) =>
            code < StageCodes - 2 ? rules.StageNames[code] : code == StageCodes - 2 ? null : LeadScore.DisqualifiedStage;

        public RuleUsage? Usage(int rule, int leads) => rule < 0 ? null : new RuleUsage(_fires[rule], leads == 0 ? 0 : _sums[rule] / leads);

        public RuleUsage? InactivityUsage(int leads) => rules.Inactivity.IsDefined ? Usage(rules.RuleCount, leads) : null;
    }
}
