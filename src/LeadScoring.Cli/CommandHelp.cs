namespace LeadScoring.Cli;

/// <summary>What <c>leadscore --help</c> and <c>leadscore COMMAND --help</c> print: one entry per command.</summary>
internal static class CommandHelp
{
    public static readonly string[] Commands = ["validate", "score", "calibrate", "diff"];

    public const string Overview = """
        usage:
          leadscore validate RULES.json
          leadscore score --rules RULES.json [--input LEADS.jsonl] [--output OUT.jsonl] [--as-of ISO-8601] [--explain] [--since ISO-8601] [--format json|text]
          leadscore calibrate --rules RULES.json [--input LEADS.jsonl] [--output REPORT.json] [--suggest RULES-OUT.json]
                    [--calibrated RULES-OUT.json] [--lead-time-days D] [--holdout F] [--l2 L] [--points-to-double-odds P]
          leadscore diff --rules OLD.json --candidate NEW.json [--input LEADS.jsonl] [--as-of ISO-8601] [--output REPORT.json]
                    [--changes CHANGES.jsonl] [--lead-time-days D] [--fail-if-auc-drops]
          leadscore COMMAND --help      what a command does and its options
          leadscore --version

        RULES.json may be 'default' for the rule set built into the package.
        Input and output default to standard input and output (JSON Lines, one lead per line).
        Exit codes: 0 success, 1 invalid rule set or lead, 2 bad usage, 3 a gate failed (diff --fail-if-auc-drops).
        """;

    /// <summary>The help of <paramref name="command"/> (one of <see cref="Commands"/>).</summary>
    public static string For(string command) => command switch
    {
        "validate" => """
            usage: leadscore validate RULES.json

            Loads a rule set and lists every problem, one per line as FILE: $.path: message (exit 1),
            or prints FILE: valid (NAME VERSION, N rules) (exit 0).
            """,
        "score" => """
            usage: leadscore score --rules RULES.json [--input LEADS.jsonl] [--output OUT.jsonl] [--as-of ISO-8601] [--explain] [--since ISO-8601] [--format json|text]

            Scores each lead (one JSON object per line) and writes one result line per lead, in input order.
              --rules RULES.json   the rule set, or 'default' for the built-in one
              --input FILE         leads (default: standard input; '-' too)
              --output FILE        results, written whole or not at all (default: standard output)
              --as-of INSTANT      the instant to score at, ISO 8601 (default: now, printed on standard error)
              --explain            add each rule's non-zero contribution ("rules")
              --since INSTANT      add the score at that earlier instant ("since") and every contribution that moved ("changes")
              --format text        a readable table per lead instead of JSON: each contribution with its rule's
                                   description, disqualifiers, what the next stage still needs
            """,
        "calibrate" => """
            usage: leadscore calibrate --rules RULES.json [--input LEADS.jsonl] [--output REPORT.json] [--suggest RULES-OUT.json]
                      [--calibrated RULES-OUT.json] [--lead-time-days D] [--holdout F] [--l2 L] [--points-to-double-odds P]

            Measures a rule set against leads with an outcome (won or lost): AUC, stages, grades, bands, each rule's
            evidence, a logistic model and suggested points, the best threshold and a win-probability fit.
              --rules RULES.json          the rule set, or 'default'
              --input FILE                leads with outcomes (default: standard input)
              --output FILE               the report, indented JSON (default: standard output)
              --suggest FILE              write the rule set with the suggested points
              --calibrated FILE           write the rule set with a fitted probability section
              --lead-time-days D          score each lead D days before its outcome (0 to 36500; default 0)
              --holdout F                 hold out the latest share F of leads as the test set (0 < F < 1)
              --l2 L                      ridge penalty of the model (1e-3 to 1e6; default 1)
              --points-to-double-odds P   points that double the odds in suggestions (0 < P <= 1e6; default 10)
            """,
        "diff" => """
            usage: leadscore diff --rules OLD.json --candidate NEW.json [--input LEADS.jsonl] [--as-of ISO-8601] [--output REPORT.json]
                      [--changes CHANGES.jsonl] [--lead-time-days D] [--fail-if-auc-drops]

            What a candidate rule set would do to the funnel: stage transitions, score moves, each rule's use, and
            for leads with an outcome each rule set's AUC.
              --rules OLD.json        the rule set in use, or 'default'
              --candidate NEW.json    the candidate
              --input FILE            leads (default: standard input)
              --as-of INSTANT         the instant to score at (default: now)
              --output FILE           the report, indented JSON (default: standard output)
              --changes FILE          one line per lead whose stage, grade or score changes, in input order
              --lead-time-days D      score decided leads D days before their outcome for the AUCs (default 0)
              --fail-if-auc-drops     exit 3 when the candidate's AUC is lower (2 when it cannot be judged)
            """,
        _ => Overview,
    };
}
