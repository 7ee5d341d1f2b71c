Console.Error.WriteLine("The registry simulator is not written yet (issue 4)."); return 1;
