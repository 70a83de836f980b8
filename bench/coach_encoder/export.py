"""Export the final model to ONNX (encoder, pooling, head and sigmoid in one graph), quantise its
weights to int8 and put it in the app's assets (step 4 of README.md):
python bench/coach_encoder/export.py OUT   (torch venv; writes OUT/encoder.onnx and the asset)
add_pooled_output gives the shipped model its `pooled` output once, without retraining:
python -c "import export; export.add_pooled_output(export.ASSET)" (in bench/coach_encoder).
Then run thresholds.py with the app's venv: the file's sha256 changed, so the app refuses it until then.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

os.environ["HF_HUB_OFFLINE"] = "1"

import data  # noqa: E402
import onnx  # noqa: E402
import torch  # noqa: E402
from finetune import Coach  # noqa: E402
from onnxruntime.quantization import QuantType, quantize_dynamic  # noqa: E402

ASSET = data.ROOT / "assets" / "coach" / "encoder.int8.onnx"
POOLED_WIDTH = 384  # all-MiniLM-L6-v2's hidden size


class Probabilities(torch.nn.Module):
    """The model with its sigmoid: the app reads probabilities (`probs`), one per rule."""

    def __init__(self, model: Coach) -> None:
        super().__init__()
        self.model = model

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        return torch.sigmoid(self.model(input_ids, attention_mask))


def add_pooled_output(path: Path) -> None:
    """Give the graph a second output, `pooled`: the mean of the last layer over the reply's tokens,
    which the head reads. The sentence head (sentence_head.py) reads it for each sentence."""
    graph = onnx.load(str(path))
    pooled = next(node.input[0] for node in graph.graph.node if node.op_type == "DynamicQuantizeLinear"
                  and node.input[0].endswith("Div_output_0"))
    graph.graph.node.append(onnx.helper.make_node("Identity", [pooled], ["pooled"]))
    graph.graph.output.append(onnx.helper.make_tensor_value_info("pooled", onnx.TensorProto.FLOAT,
                                                                 ["batch", POOLED_WIDTH]))
    onnx.save(graph, str(path))


def main(argv: list[str]) -> int:
    out = Path(argv[0])
    torch.set_num_threads(1)
    model = Coach()
    model.load_state_dict(torch.load(out / "final_model.pt"))
    model.eval()
    example = (torch.ones(1, 12, dtype=torch.long), torch.ones(1, 12, dtype=torch.long))
    full, small = out / "encoder.onnx", out / "encoder.int8.onnx"
    torch.onnx.export(Probabilities(model), example, str(full), input_names=["input_ids", "attention_mask"],
                      output_names=["probs"], opset_version=17, dynamo=False,
                      dynamic_axes={"input_ids": {0: "batch", 1: "tokens"},
                                    "attention_mask": {0: "batch", 1: "tokens"}, "probs": {0: "batch"}})
    quantize_dynamic(str(full), str(small), weight_type=QuantType.QInt8)
    add_pooled_output(small)
    shutil.copyfile(small, ASSET)
    size = ASSET.stat().st_size / 1e6
    print(f"{full.stat().st_size / 1e6:.1f} MB -> {ASSET.relative_to(data.ROOT)}, {size:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
