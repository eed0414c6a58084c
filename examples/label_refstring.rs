//! Prints the label the reference-string model gives each token of every
//! line on standard input, and the reference read from the line:
//! `echo "Smith, J. (2020). Title. *Nature*, 5, 1–2." | cargo run --example label_refstring`
//! (`-- --repaired`: the labels after the repair rules, as the fields are read).
fn main() {
    let repaired = std::env::args().any(|a| a == "--repaired");
    for line in std::io::stdin().lines() {
        let line = line.unwrap();
        let l = if repaired {
            publist::cv::refstring::labelled_repaired(&line)
        } else {
            publist::cv::refstring::labelled(&line)
        };
        println!(
            "{}",
            l.iter()
                .map(|(t, l)| format!("{t}/{}", &l[..3]))
                .collect::<Vec<_>>()
                .join(" ")
        );
        let p = publist::cv::refstring::parse(&line, &Default::default());
        println!("  => {}", serde_json::to_string(&p.reference).unwrap());
    }
}
