using System.Reflection;
using System.Xml.Linq;
using LeadScoring.Tests.Support;

namespace LeadScoring.Tests.PublicApi;

/// <summary>
/// The packages' public API. Its shape is tracked at build time by the PublicApiAnalyzers (PublicAPI.Shipped.txt
/// and PublicAPI.Unshipped.txt in each package: a change that is not recorded there fails the build); these
/// tests hold what the analyzers do not: which types may be public at all, and that every public member is
/// documented with its parameters and return value.
/// </summary>
public sealed class PublicApiTests
{
    public static TheoryData<string> Packages => new() { "LeadScoring", "LeadScoring.Hosting" };

    private static Assembly Package(string name) => name switch
    {
        "LeadScoring" => typeof(ScoringModel).Assembly,
        "LeadScoring.Hosting" => typeof(ILeadScorer).Assembly,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Packages))]
    public void Only_the_deliberate_types_are_public(string package)
    {
        var types = Package(package).GetExportedTypes().Select(t => t.Name).Order(StringComparer.Ordinal);
        // Compiled forms, definitions and the format readers are internal; the one public reader is the JSON Lines
        // stream reader, which hosts use to read leads.
        Assert.DoesNotContain(types, t => t.Contains("Compiled", StringComparison.Ordinal) || t.Contains("Definition", StringComparison.Ordinal)
            || (t.Contains("Reader", StringComparison.Ordinal) && t != "LeadJsonLinesReader"));
    }

    [Fact]
    public void The_engine_package_depends_on_nothing_beyond_dotnet()
    {
        var references = typeof(ScoringModel).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.All(references, name => Assert.True(name.StartsWith("System", StringComparison.Ordinal) || name == "netstandard", $"LeadScoring references {name}"));
    }

    [Fact]
    public void Every_public_type_lives_in_the_namespace_of_its_folder()
    {
        foreach (var type in typeof(ScoringModel).Assembly.GetExportedTypes().Where(t => !t.IsNested))
        {
            string folder = type.Namespace!["LeadScoring".Length..].TrimStart('.');
            string name = type.Name.Split('`')[0]; // a generic type's file has no arity suffix
            string file = Path.Combine(TestPaths.RepositoryRoot, "src", "LeadScoring", folder, name + ".cs");
            Assert.True(File.Exists(file), $"{type.FullName} should be declared in src/LeadScoring/{folder}/{name}.cs (one public type per file, folder = namespace)");
        }
    }

    [Theory]
    [MemberData(nameof(Packages))]
    public void Every_public_member_documents_its_parameters_and_return_value(string package)
    {
        var assembly = Package(package);
        string xmlPath = Path.ChangeExtension(assembly.Location, ".xml");
        var docs = XDocument.Load(xmlPath).Descendants("member").ToDictionary(m => (string)m.Attribute("name")!, StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var type in assembly.GetExportedTypes())
        {
            Check(docs, "T:" + TypeId(type), [], returns: false, problems);
            const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            var written = type.GetMethods(flags).Where(m => (!m.IsSpecialName || m.Name.StartsWith("op_", StringComparison.Ordinal))
                && !m.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute))); // a record's Equals, Deconstruct...
            foreach (var method in written)
            {
                string id = $"M:{TypeId(type)}.{method.Name}{(method.IsGenericMethod ? "``" + method.GetGenericArguments().Length : string.Empty)}{Parameters(method)}";
                if (method.Name is "op_Implicit" or "op_Explicit")
                {
                    id += "~" + TypeId(method.ReturnType);
                }

                Check(docs, id, method.GetParameters(), returns: method.ReturnType != typeof(void), problems);
            }

            foreach (var constructor in type.GetConstructors(flags))
            {
                Check(docs, $"M:{TypeId(type)}.#ctor{Parameters(constructor)}", constructor.GetParameters(), returns: false, problems);
            }

            foreach (var property in type.GetProperties(flags))
            {
                var index = property.GetIndexParameters();
                Check(docs, $"P:{TypeId(type)}.{property.Name}{(index.Length == 0 ? string.Empty : "(" + string.Join(",", index.Select(p => TypeId(p.ParameterType))) + ")")}", index, returns: index.Length > 0, problems);
            }
        }

        Assert.True(problems.Count == 0, $"{problems.Count} public members of {package} lack docs:\n  " + string.Join("\n  ", problems));
    }

    private static void Check(Dictionary<string, XElement> docs, string id, ParameterInfo[] parameters, bool returns, List<string> problems)
    {
        if (!docs.TryGetValue(id, out var doc))
        {
            problems.Add($"{id}: no documentation");
            return;
        }

        if (doc.Element("inheritdoc") is not null)
        {
            return; // documented by the member it overrides or implements
        }

        if (doc.Element("summary") is null)
        {
            problems.Add($"{id}: no <summary>");
        }

        var documented = doc.Elements("param").Select(p => (string)p.Attribute("name")!).ToHashSet(StringComparer.Ordinal);
        foreach (var parameter in parameters.Where(p => !documented.Contains(p.Name!)))
        {
            problems.Add($"{id}: no <param name=\"{parameter.Name}\">");
        }

        if (returns && doc.Element("returns") is null && doc.Element("value") is null)
        {
            problems.Add($"{id}: no <returns>");
        }
    }

    private static string Parameters(MethodBase method)
    {
        var parameters = method.GetParameters();
        return parameters.Length == 0 ? string.Empty : "(" + string.Join(",", parameters.Select(p => TypeId(p.ParameterType))) + ")";
    }

    // The documentation-comment id of a type, as the C# compiler writes it into the XML file.
    private static string TypeId(Type type)
    {
        if (type.IsByRef)
        {
            return TypeId(type.GetElementType()!) + "@";
        }

        if (type.IsArray)
        {
            return TypeId(type.GetElementType()!) + "[]";
        }

        if (type.IsGenericParameter)
        {
            return (type.DeclaringMethod is null ? "`" : "``") + type.GenericParameterPosition;
        }

        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            string name = TypeId(type.GetGenericTypeDefinition());
            return name[..name.IndexOf('`', StringComparison.Ordinal)] + "{" + string.Join(",", type.GetGenericArguments().Select(TypeId)) + "}";
        }

        return type.FullName!.Replace('+', '.');
    }
}
