namespace ECourt.Integration.Tests;

/// <summary>The function context a queue-triggered function gets, for calling such a function directly; it reads only the cancellation token.</summary>
internal sealed class TestFunctionContext(string functionId) : Microsoft.Azure.Functions.Worker.FunctionContext
{
    public override string InvocationId => "test";
    public override string FunctionId => functionId;
    public override Microsoft.Azure.Functions.Worker.TraceContext TraceContext => null!;
    public override Microsoft.Azure.Functions.Worker.BindingContext BindingContext => null!;
    public override Microsoft.Azure.Functions.Worker.RetryContext RetryContext => null!;
    public override IServiceProvider InstanceServices { get; set; } = null!;
    public override Microsoft.Azure.Functions.Worker.FunctionDefinition FunctionDefinition => null!;
    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();
    public override Microsoft.Azure.Functions.Worker.IInvocationFeatures Features => null!;
}
