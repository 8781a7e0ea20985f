namespace SearchService.Core.Segmentation.Lines;

/// <summary>Lines that are never content: nothing left once markup is stripped, page numbers, signatures, blank-page notices.</summary>
public sealed class FurnitureRule : ILineRule
{
    public bool Apply(LineContext line, BlockWriter writer) => line.Text.Length == 0 || LineShapes.IsFurniture(line.Text);
}
