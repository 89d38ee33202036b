namespace LeadScoring;

/// <summary>The attribute and tag test operators of SPEC section 3.1, in JSON order.</summary>
internal enum TestOperator
{
    Exists,
    Missing,
    Eq,
    Neq,
    In,
    NotIn,
    Contains,
    StartsWith,
    EndsWith,
    ContainsAny,
    Matches,
    Gt,
    Gte,
    Lt,
    Lte,
    Between,
    IsTrue,
    IsFalse,
}
