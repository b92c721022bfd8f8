using System.Reflection;
using Assessment.SharedKernel.Events;

namespace Assessment.UnitTests.Architecture;

public class ModuleBoundaryTests
{
    public static readonly Assembly[] Modules =
    [
        typeof(Assessment.Filing.FilingModule).Assembly,
        typeof(Assessment.Batches.BatchesModule).Assembly,
        typeof(Assessment.Notices.NoticesModule).Assembly,
        typeof(Assessment.Certificates.CertificatesModule).Assembly,
        typeof(Assessment.Supervision.SupervisionModule).Assembly,
    ];

    public static readonly Assembly[] PlatformAssemblies = [.. Modules, typeof(Assessment.Api.PlatformHost).Assembly, typeof(Actor).Assembly];

    public static TheoryData<string> ModuleNames() => new(Modules.Select(m => m.GetName().Name!));

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void a_module_does_not_reference_another_module(string module)
    {
        var assembly = Modules.Single(m => m.GetName().Name == module);
        var others = Modules.Where(m => m != assembly).Select(m => m.GetName().Name).ToHashSet();
        assembly.GetReferencedAssemblies().Select(r => r.Name).Where(others.Contains).ShouldBeEmpty();
        // and no type of another module's namespace is used (catches source sharing through links)
        var foreignNamespaces = others.Select(o => o + ".").ToList();
        assembly.GetTypes().SelectMany(t => t.GetFields(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
            .Select(f => f.FieldType.FullName ?? "").Where(n => foreignNamespaces.Any(n.StartsWith)).ShouldBeEmpty();
    }

    [Fact]
    public void the_shared_kernel_references_no_module_and_not_the_host()
    {
        var names = typeof(Actor).Assembly.GetReferencedAssemblies().Select(r => r.Name).ToList();
        names.ShouldNotContain(n => n!.StartsWith("Assessment.") );
    }

    /// <summary>Every event an aggregate applies records its actor (全程留痕).</summary>
    [Fact]
    public void every_event_carries_an_actor()
    {
        var eventTypes = PlatformAssemblies.SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => (m.Name == "Create" && m.IsStatic && m.ReturnType == m.DeclaringType || m.Name == "Apply" && !m.IsStatic)
                        && m.GetParameters().Length == 1)
            .Select(m => m.GetParameters()[0].ParameterType)
            .Where(t => t.Namespace?.StartsWith("Assessment.") == true)
            .Distinct().ToList();
        eventTypes.Count.ShouldBeGreaterThan(5);
        eventTypes.Where(t => t.GetProperties().All(p => p.PropertyType != typeof(Actor)))
            .Select(t => t.FullName).ShouldBeEmpty();
    }

    [Fact]
    public void events_are_immutable_records()
    {
        var eventTypes = PlatformAssemblies.SelectMany(a => a.GetTypes())
            .Where(t => t.GetProperties().Any(p => p.PropertyType == typeof(Actor)) && t != typeof(Actor));
        foreach (var t in eventTypes)
        {
            t.GetProperties().Where(p => p.SetMethod is { IsPublic: true } && !p.SetMethod.ReturnParameter.GetRequiredCustomModifiers()
                .Any(m => m.Name == "IsExternalInit")).Select(p => $"{t.Name}.{p.Name}").ShouldBeEmpty();
        }
    }
}

public class HostBoundaryTests
{
    public static readonly Assembly[] Modules =
    [
        typeof(Assessment.Filing.FilingModule).Assembly,
        typeof(Assessment.Batches.BatchesModule).Assembly,
        typeof(Assessment.Notices.NoticesModule).Assembly,
        typeof(Assessment.Certificates.CertificatesModule).Assembly,
        typeof(Assessment.Supervision.SupervisionModule).Assembly,
    ];

    /// <summary>
    /// The host composes modules through their registration (the module's root namespace: AddXxxModule) and talks to
    /// them through SharedKernel contracts; anything deeper in a module is its own business.
    /// </summary>
    [Fact]
    public void the_host_uses_a_module_only_through_its_registration()
    {
        var internals = Modules.SelectMany(m => m.GetTypes()).Select(t => t.Namespace).OfType<string>()
            .Where(ns => ns.Count(c => c == '.') >= 2).Distinct().ToArray();
        internals.ShouldNotBeEmpty();
        var result = NetArchTest.Rules.Types.InAssembly(typeof(Assessment.Api.PlatformHost).Assembly)
            .ShouldNot().HaveDependencyOnAny(internals).GetResult();
        (result.FailingTypeNames ?? []).ShouldBeEmpty();
    }

    /// <summary>OpenAPI names a schema by module and type (Filing.ApplicationView), so a type name must not repeat in a module.</summary>
    [Fact]
    public void a_public_type_name_is_unique_within_its_module()
    {
        foreach (var assembly in Modules.Append(typeof(Assessment.Api.PlatformHost).Assembly).Append(typeof(Actor).Assembly))
        {
            assembly.GetExportedTypes().Where(t => !t.IsNested && !(t.IsAbstract && t.IsSealed)).GroupBy(t => t.Name)
                .Where(g => g.Count() > 1).Select(g => string.Join(", ", g.Select(t => t.FullName))).ShouldBeEmpty();
        }
    }
}
