using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace ECourt.LocalHost;

/// <summary>One HTTP function: its name, methods and route as its [HttpTrigger] declares them.</summary>
public sealed record FunctionRoute(string FunctionName, IReadOnlyList<string> Methods, string Route, MethodInfo Method)
{
    internal TemplateMatcher Matcher { get; } = new(TemplateParser.Parse(Route), new RouteValueDictionary());
}

/// <summary>
/// Finds the Functions app's HTTP functions by reflection over [Function] and [HttpTrigger] and invokes
/// them as the worker does: the function class created per request with its services, the request
/// and route values bound to parameters, a [DurableClient] given the host's client.
/// </summary>
public sealed class FunctionRouteTable
{
    public FunctionRouteTable(Assembly functionsAssembly, string routePrefix)
    {
        RoutePrefix = routePrefix.Trim('/');
        Routes = functionsAssembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Select(m => (Method: m, Function: m.GetCustomAttribute<FunctionAttribute>(),
                Trigger: m.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null)))
            .Where(x => x.Function is not null && x.Trigger is not null)
            .Select(x => new FunctionRoute(x.Function!.Name, x.Trigger!.Methods!.Select(s => s.ToUpperInvariant()).ToList(),
                (x.Trigger.Route ?? x.Function.Name).Trim('/'), x.Method))
            // Literal segments before parameters, as ASP.NET Core routing orders them.
            .OrderBy(r => r.Route.Count(c => c == '{'))
            .ToList();
    }

    public string RoutePrefix { get; }

    public IReadOnlyList<FunctionRoute> Routes { get; }

    /// <summary>The route prefix from host.json (extensions.http.routePrefix), "api" by default.</summary>
    public static string ReadRoutePrefix(string hostJsonPath)
    {
        if (!File.Exists(hostJsonPath)) return "api";
        var prefix = JsonNode.Parse(File.ReadAllText(hostJsonPath))?["extensions"]?["http"]?["routePrefix"]?.GetValue<string>();
        return prefix ?? "api";
    }

    public (FunctionRoute Route, RouteValueDictionary Values)? Match(string method, PathString path)
    {
        var prefix = "/" + RoutePrefix;
        if (!path.StartsWithSegments(prefix, out var rest)) return null;
        foreach (var route in Routes)
        {
            if (!route.Methods.Contains(method.ToUpperInvariant())) continue;
            var values = new RouteValueDictionary();
            if (route.Matcher.TryMatch(rest.HasValue ? rest : "/", values)) return (route, values);
        }
        return null;
    }

    public async Task InvokeAsync(FunctionRoute route, RouteValueDictionary values, HttpContext context)
    {
        var services = context.RequestServices;
        var target = route.Method.IsStatic ? null : ActivatorUtilities.CreateInstance(services, route.Method.DeclaringType!);
        var arguments = route.Method.GetParameters().Select(p => Bind(p, values, context)).ToArray();
        var returned = route.Method.Invoke(target, arguments);
        var result = returned switch
        {
            Task<IActionResult> task => await task,
            IActionResult r => r,
            _ => throw new InvalidOperationException($"{route.FunctionName} returns {route.Method.ReturnType}, not an IActionResult."),
        };
        context.SetEndpoint(null);
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(values), new ActionDescriptor()));
    }

    private static object? Bind(ParameterInfo p, RouteValueDictionary values, HttpContext context)
    {
        if (p.ParameterType == typeof(HttpRequest)) return context.Request;
        if (p.GetCustomAttribute<DurableClientAttribute>() is not null)
            return context.RequestServices.GetRequiredService<DurableTaskClient>();
        if (p.ParameterType == typeof(CancellationToken)) return context.RequestAborted;
        if (p.ParameterType == typeof(string) && values.TryGetValue(p.Name!, out var v)) return v?.ToString();
        throw new InvalidOperationException($"The local host cannot bind parameter {p.Name} of {p.Member.Name}.");
    }
}
