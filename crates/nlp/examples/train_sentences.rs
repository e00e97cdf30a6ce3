//! Trains the sentence-boundary model on UD EWT train and reports raw-text scores on dev:
//! `cargo run -p kg-extract --release --example train_sentences -- EWT_DIR data/models/sentences.bin`.

use kg_nlp::{conllu, segeval::eval_raw, sentences::BoundaryModel};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let [_, dir, out] = args.as_slice() else {
        return Err("usage: train_sentences EWT_DIR OUT.bin".into());
    };
    let read = |split: &str| std::fs::read_to_string(format!("{dir}/en_ewt-ud-{split}.conllu"));
    let train = conllu::to_documents(&conllu::parse(&read("train")?)?);
    let epochs = std::env::var("EPOCHS")
        .ok()
        .and_then(|e| e.parse().ok())
        .unwrap_or(8);
    let prune = std::env::var("PRUNE")
        .ok()
        .and_then(|e| e.parse().ok())
        .unwrap_or(0.0);
    let started = std::time::Instant::now();
    let model = BoundaryModel::train(&train, epochs, prune, 7);
    let bytes = model.to_bytes();
    std::fs::write(out, &bytes)?;
    println!(
        "trained {epochs} epochs in {:.1?}, {} bytes",
        started.elapsed(),
        bytes.len()
    );
    let model = BoundaryModel::from_bytes(&bytes)?;
    let dev = read("dev")?;
    let rules = eval_raw(&dev, None, |_| {})?;
    let learned = eval_raw(&dev, Some(&model), |_| {})?;
    println!("EWT dev, rules only\n{rules}\nEWT dev, with the model\n{learned}");
    Ok(())
}
