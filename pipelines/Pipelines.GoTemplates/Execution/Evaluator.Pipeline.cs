using Pipelines.GoTemplates.Functions;
using Pipelines.GoTemplates.Syntax;

namespace Pipelines.GoTemplates.Execution;

internal sealed partial class Evaluator
{
    /// <summary>Runs the commands in order, each result becoming the last argument of the next, then binds variables.</summary>
    private object? Pipeline(PipelineNode pipeline, object? dot)
    {
        object? value = null;
        var hasFinal = false;
        foreach (var command in pipeline.Commands)
        {
            value = Command(command, dot, hasFinal, value);
            hasFinal = true;
        }
        foreach (var name in pipeline.Declarations)
        {
            if (pipeline.IsAssign)
            {
                SetVariable(pipeline, name, value);
            }
            else
            {
                _variables.Add((name, value));
            }
        }
        return value;
    }

    private object? Command(CommandNode command, object? dot, bool hasFinal, object? final)
    {
        var first = command.Arguments[0];
        if (first is IdentifierNode function)
        {
            return Call(function.Name, command, dot, hasFinal, final);
        }
        if (command.Arguments.Count > 1 || hasFinal)
        {
            if (TryMethodCommand(first, command, dot, hasFinal, final, out var called))
            {
                return called;
            }
            var what = first is FieldNode or ChainNode or VariableNode { Fields.Count: > 0 }
                ? "is a field, not a function"
                : "is not a function";
            throw Error(command, $"{NodePrinter.Print(first)} {what}, so it can't take arguments");
        }
        if (first is LiteralNode { Source: "nil" })
        {
            throw Error(command, "nil is not a command");
        }
        return Argument(first, dot);
    }

    private object? Argument(Node node, object? dot) =>
        node switch
        {
            DotNode => dot,
            LiteralNode literal => literal.Value,
            FieldNode field => Fields(dot, field, field.Names),
            VariableNode variable => Fields(Variable(variable), variable, variable.Fields),
            ChainNode chain => Fields(Argument(chain.Target, dot), chain, chain.Fields),
            PipelineNode pipeline => Pipeline(pipeline, dot),
            IdentifierNode function => Call(
                function.Name,
                new CommandNode(node.Position, [node]),
                dot,
                false,
                null
            ),
            _ => throw Error(node, "can't evaluate this operand"),
        };

    private object? Call(
        string name,
        CommandNode command,
        object? dot,
        bool hasFinal,
        object? final
    )
    {
        var function = FunctionTable.Get(name);
        var count = command.Arguments.Count - 1 + (hasFinal ? 1 : 0);
        if (count < function.MinArgs || count > (function.MaxArgs ?? int.MaxValue))
        {
            throw Error(
                command,
                $"wrong number of args for {name}: want {Arity(function)} got {count}"
            );
        }
        if (name is "and" or "or")
        {
            return ShortCircuit(name == "or", command, dot, hasFinal, final);
        }
        var arguments = command.Arguments.Skip(1).Select(a => Argument(a, dot)).ToList();
        if (hasFinal)
        {
            arguments.Add(final);
        }
        if (function.NonDeterministic)
        {
            _session.NonDeterministic = true;
        }
        try
        {
            var call = new FunctionCall(name, arguments, _context, new CallSite(this, command));
            return GoValues.Normalize(function.Invoke(call));
        }
        catch (TemplateFunctionException exception)
        {
            throw Error(command, exception.Message);
        }
    }

    /// <summary>Go 1.18+: and/or stop evaluating at the first argument that decides the result.</summary>
    private object? ShortCircuit(
        bool isOr,
        CommandNode command,
        object? dot,
        bool hasFinal,
        object? final
    )
    {
        object? value = null;
        foreach (var argument in command.Arguments.Skip(1))
        {
            value = Argument(argument, dot);
            if (GoValues.IsTrue(value) == isOr)
            {
                return value;
            }
        }
        return hasFinal ? final : value;
    }

    /// <summary>Lets include and tpl run templates in this render, with errors placed at the calling command.</summary>
    private sealed class CallSite(Evaluator evaluator, CommandNode command) : ITemplateRuntime
    {
        public string Include(string name, object? data) => evaluator.Include(command, name, data);

        public string Tpl(string text, object? data) => evaluator.Tpl(text, data);

        public string File => evaluator._file;

        public void MarkNonDeterministic() => evaluator._session.NonDeterministic = true;
    }

    private static string Arity(TemplateFunction function) =>
        function.MaxArgs is null ? $"at least {function.MinArgs}"
        : function.MaxArgs == function.MinArgs ? $"{function.MinArgs}"
        : $"{function.MinArgs} to {function.MaxArgs}";

    private object? Variable(VariableNode variable)
    {
        for (var i = _variables.Count - 1; i >= 0; i--)
        {
            if (_variables[i].Name == variable.Name)
            {
                return _variables[i].Value;
            }
        }
        throw Error(variable, $"undefined variable: {variable.Name}");
    }

    /// <summary><c>$x = value</c> changes the innermost <c>$x</c>, even one declared outside the current range.</summary>
    private void SetVariable(Node node, string name, object? value)
    {
        for (var i = _variables.Count - 1; i >= 0; i--)
        {
            if (_variables[i].Name == name)
            {
                _variables[i] = (name, value);
                return;
            }
        }
        throw Error(node, $"undefined variable: {name}");
    }
}
